#include "store/push_subscriptions.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/snowflake.h"

namespace agora::store::push_subscriptions {

namespace {

constexpr const char* kColumns =
    "SELECT s.id, s.access_token_id, s.user_id, s.endpoint, s.key_p256dh, s.key_auth, s.alerts, s.policy,"
    " s.standard, s.access_token, s.created_at, s.updated_at FROM web_push_subscriptions s";

std::string alerts_text(const model::PushSubscription& s) {
  boost::json::object o;
  for (const auto& [type, on] : s.alerts) o[type] = on;
  return boost::json::serialize(o);
}

model::PushSubscription from_row(const Row& r) {
  model::PushSubscription s;
  s.id = r.int64(0);
  s.access_token_id = r.int64(1);
  s.user_id = r.int64(2);
  s.endpoint = r.text(3);
  s.key_p256dh = r.text(4);
  s.key_auth = r.text(5);
  boost::system::error_code ec;
  auto alerts = boost::json::parse(r.text(6), ec);
  if (!ec && alerts.is_object())
    for (const auto& [type, on] : alerts.as_object())
      s.alerts.emplace_back(std::string(type), on.is_bool() && on.as_bool());
  s.policy = r.text(7);
  s.standard = r.boolean(8);
  s.access_token = r.text(9);
  s.created_at = r.int64(10);
  s.updated_at = r.int64(11);
  return s;
}

std::optional<model::PushSubscription> one(Connection& c, const std::string& where, int64_t arg) {
  auto r = c.query_one(std::string(kColumns) + " WHERE " + where, {arg});
  if (!r) return std::nullopt;
  return from_row(*r);
}

}  // namespace

void replace(Connection& c, model::PushSubscription& s) {
  remove_by_token(c, s.access_token_id);
  s.id = next_id();
  c.execute(
      "INSERT INTO web_push_subscriptions (id, access_token_id, user_id, endpoint, key_p256dh, key_auth, alerts,"
      " policy, standard, access_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.access_token_id, s.user_id, s.endpoint, s.key_p256dh, s.key_auth, alerts_text(s), s.policy, s.standard,
       s.access_token, s.created_at, s.updated_at});
}

std::optional<model::PushSubscription> find(Connection& c, int64_t id) { return one(c, "s.id = ?", id); }

std::optional<model::PushSubscription> find_by_token(Connection& c, int64_t access_token_id) {
  return one(c, "s.access_token_id = ?", access_token_id);
}

std::vector<model::PushSubscription> for_account(Connection& c, int64_t account_id, int64_t now_ms) {
  std::vector<model::PushSubscription> out;
  for (const auto& r : c.query(std::string(kColumns) +
                                   " JOIN users u ON u.id = s.user_id"
                                   " JOIN oauth_access_tokens t ON t.id = s.access_token_id"
                                   " WHERE u.account_id = ? AND t.revoked_at IS NULL"
                                   " AND (t.expires_at IS NULL OR t.expires_at > ?) ORDER BY s.id",
                               {account_id, now_ms}))
    out.push_back(from_row(r));
  return out;
}

void update_data(Connection& c, int64_t id, const model::PushSubscription& s, int64_t now_ms) {
  c.execute("UPDATE web_push_subscriptions SET alerts = ?, policy = ?, updated_at = ? WHERE id = ?",
            {alerts_text(s), s.policy, now_ms, id});
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM web_push_subscriptions WHERE id = ?", {id}); }

void remove_by_token(Connection& c, int64_t access_token_id) {
  c.execute("DELETE FROM web_push_subscriptions WHERE access_token_id = ?", {access_token_id});
}

}  // namespace agora::store::push_subscriptions
