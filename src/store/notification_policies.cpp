#include "store/notification_policies.h"

#include "core/snowflake.h"
#include "store/statement.h"

namespace agora::store::notification_policies {

namespace {

constexpr const char* kRequestColumns =
    "r.id, r.account_id, r.from_account_id, r.last_status_id, r.notifications_count, r.created_at, r.updated_at";

model::NotificationRequest request_from(const Row& row) {
  model::NotificationRequest r;
  r.id = row.int64(0);
  r.account_id = row.int64(1);
  r.from_account_id = row.int64(2);
  r.last_status_id = row.opt_int64(3);
  r.notifications_count = row.int64(4);
  r.created_at = row.int64(5);
  r.updated_at = row.int64(6);
  return r;
}

Statement requests_of(int64_t account_id) {
  return Statement(std::string("SELECT ") + kRequestColumns + " FROM notification_requests r JOIN accounts fa"
                       " ON fa.id = r.from_account_id WHERE r.account_id = ? AND fa.suspended_at IS NULL",
                   {account_id});
}

}  // namespace

model::NotificationPolicy find(Connection& c, int64_t account_id) {
  model::NotificationPolicy p;
  auto row = c.query_one("SELECT for_not_following, for_not_followers, for_new_accounts, for_private_mentions,"
                         " for_limited_accounts FROM notification_policies WHERE account_id = ?",
                         {account_id});
  if (row) {
    p.for_not_following = row->text(0);
    p.for_not_followers = row->text(1);
    p.for_new_accounts = row->text(2);
    p.for_private_mentions = row->text(3);
    p.for_limited_accounts = row->text(4);
  }
  return p;
}

void save(Connection& c, int64_t account_id, const model::NotificationPolicy& p, int64_t now_ms) {
  c.execute("INSERT INTO notification_policies (account_id, for_not_following, for_not_followers, for_new_accounts,"
            " for_private_mentions, for_limited_accounts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (account_id) DO UPDATE SET for_not_following = excluded.for_not_following,"
            " for_not_followers = excluded.for_not_followers, for_new_accounts = excluded.for_new_accounts,"
            " for_private_mentions = excluded.for_private_mentions,"
            " for_limited_accounts = excluded.for_limited_accounts, updated_at = excluded.updated_at",
            {account_id, p.for_not_following, p.for_not_followers, p.for_new_accounts, p.for_private_mentions,
             p.for_limited_accounts, now_ms, now_ms});
}

bool permitted(Connection& c, int64_t account_id, int64_t from_account_id) {
  return c.query_one("SELECT 1 FROM notification_permissions WHERE account_id = ? AND from_account_id = ?",
                     {account_id, from_account_id})
      .has_value();
}

void permit(Connection& c, int64_t account_id, int64_t from_account_id, int64_t now_ms) {
  c.execute("INSERT INTO notification_permissions (id, account_id, from_account_id, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (account_id, from_account_id) DO NOTHING",
            {next_id(), account_id, from_account_id, now_ms});
}

void upsert_request(Connection& c, int64_t account_id, int64_t from_account_id, std::optional<int64_t> last_status_id,
                    int64_t notifications_count, int64_t now_ms) {
  c.execute("INSERT INTO notification_requests (id, account_id, from_account_id, last_status_id, notifications_count,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, from_account_id) DO UPDATE"
            " SET last_status_id = COALESCE(excluded.last_status_id, notification_requests.last_status_id),"
            " notifications_count = excluded.notifications_count, updated_at = excluded.updated_at",
            {next_id(), account_id, from_account_id, last_status_id ? SqlValue(*last_status_id) : SqlValue(SqlNull{}),
             notifications_count, now_ms, now_ms});
}

std::vector<model::NotificationRequest> requests(Connection& c, int64_t account_id, const model::PageRequest& page) {
  auto s = requests_of(account_id);
  s.add_page("r.id", page);
  std::vector<model::NotificationRequest> out;
  for (const auto& r : s.query(c)) out.push_back(request_from(r));
  return out;
}

std::optional<model::NotificationRequest> find_request(Connection& c, int64_t account_id, int64_t id) {
  auto s = requests_of(account_id);
  s.add(" AND r.id = ?", {id});
  auto rows = s.query(c);
  if (rows.empty()) return std::nullopt;
  return request_from(rows.front());
}

std::vector<model::NotificationRequest> find_requests(Connection& c, int64_t account_id,
                                                      const std::vector<int64_t>& ids) {
  std::vector<model::NotificationRequest> out;
  if (ids.empty()) return out;
  auto s = requests_of(account_id);
  s.add(" AND r.id IN ").add_id_list(ids);
  for (const auto& r : s.query(c)) out.push_back(request_from(r));
  return out;
}

void remove_request(Connection& c, int64_t id) { c.execute("DELETE FROM notification_requests WHERE id = ?", {id}); }

int64_t count_requests(Connection& c, int64_t account_id, int64_t cap) {
  auto s = requests_of(account_id);
  Statement counted("SELECT COUNT(*) FROM (" + s.sql() + " LIMIT ?) counted", {account_id, cap});
  auto rows = counted.query(c);
  return rows.empty() ? 0 : rows.front().int64(0);
}

}  // namespace agora::store::notification_policies
