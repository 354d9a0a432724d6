#include "services/notification_emails.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/crypto.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/mailer.h"
#include "store/accounts.h"
#include "store/notifications.h"
#include "store/settings.h"
#include "store/statuses.h"
#include "text/html.h"

namespace agora::services::notification_emails {

namespace {

constexpr const char* kKeySetting = "mail_unsubscribe_key";
constexpr size_t kMaxQuoted = 500;  // characters of a status quoted in a mail

boost::json::object stored_preferences(const std::string& json) {
  boost::system::error_code ec;
  auto v = boost::json::parse(json, ec);
  return !ec && v.is_object() ? v.as_object() : boost::json::object{};
}

// The key that signs unsubscribe links: made on first use, kept in settings.
std::string signing_key(Context& ctx) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto stored = store::settings::find(c, kKeySetting);
  if (!stored) {
    store::in_transaction(c, [&] {
      if (!store::settings::find(c, kKeySetting)) store::settings::put(c, kKeySetting, crypto::random_token(32));
    });
    stored = store::settings::find(c, kKeySetting);
  }
  return stored->value;
}

std::string signature(Context& ctx, const std::string& payload) {
  return crypto::base64url(crypto::hmac_sha256(signing_key(ctx), "unsubscribe:" + payload));
}

std::string quoted_status(store::Connection& c, std::optional<int64_t> status_id) {
  if (!status_id) return "";
  auto status = store::statuses::find(c, *status_id);
  if (!status) return "";
  std::string t = text::html_to_text(status->spoiler_text.empty() ? status->content : status->spoiler_text);
  return t.size() > kMaxQuoted ? t.substr(0, kMaxQuoted) + "…" : t;
}

std::string link_for(Context& ctx, store::Connection& c, const model::Notification& n, const model::Account& from) {
  if (n.type == "follow_request") return ctx.config.base_url() + "/web/follow_requests";
  if (n.status_id)
    if (auto status = store::statuses::find(c, *n.status_id); status && !status->url.empty()) return status->url;
  return from.url;
}

}  // namespace

bool mailable_type(const std::string& type) {
  return type == "mention" || type == "follow" || type == "follow_request" || type == "favourite" ||
         type == "reblog";
}

const std::vector<std::string>& preference_keys() {
  static const std::vector<std::string> keys = {"follow", "follow_request", "reblog", "favourite", "mention",
                                                "digest", "report", "pending_account", "appeal", "trends"};
  return keys;
}

bool preference_key(const std::string& key) {
  const auto& keys = preference_keys();
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

bool wants(const model::User& user, const std::string& type) {
  if (!preference_key(type)) return false;
  auto prefs = stored_preferences(user.preferences_json);
  if (auto* emails = prefs.if_contains("notification_emails"); emails && emails->is_object())
    if (auto* v = emails->as_object().if_contains(type); v && v->is_bool()) return v->as_bool();
  // Staff mails are on until turned off, as Mastodon's defaults.
  return type == "follow" || type == "follow_request" || type == "mention" || type == "report" ||
         type == "pending_account" || type == "appeal" || type == "trends";
}

namespace {
// Rewrites the member's notification_emails with `change` applied.
template <typename Change>
void update_choices(store::Connection& c, int64_t user_id, Change change) {
  auto user = store::accounts::find_user(c, user_id);
  if (!user) return;
  auto prefs = stored_preferences(user->preferences_json);
  auto* emails = prefs.if_contains("notification_emails");
  if (!emails || !emails->is_object()) emails = &(prefs["notification_emails"] = boost::json::object{});
  change(emails->as_object());
  store::accounts::save_preferences(c, user_id, boost::json::serialize(prefs), now_ms());
}
}  // namespace

void set_wanted(store::Connection& c, int64_t user_id, const std::string& type, bool on) {
  if (!preference_key(type)) return;
  update_choices(c, user_id, [&](boost::json::object& emails) { emails[type] = on; });
}

std::map<std::string, bool> choices(Context& ctx, int64_t user_id) {
  auto lease = ctx.db.acquire();
  auto user = store::accounts::find_user(*lease, user_id);
  std::map<std::string, bool> out;
  for (const auto& key : preference_keys()) out[key] = user && wants(*user, key);
  return out;
}

void save_choices(Context& ctx, int64_t user_id, const std::vector<std::string>& on,
                  const std::vector<std::string>& shown) {
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] {
    update_choices(*lease, user_id, [&](boost::json::object& emails) {
      for (const auto& key : shown) emails[key] = std::find(on.begin(), on.end(), key) != on.end();
    });
  });
}

void enqueue(store::Connection& c, int64_t recipient_account_id, const std::string& type, int64_t notification_id) {
  if (!mailable_type(type)) return;
  auto user = store::accounts::find_user_by_account(c, recipient_account_id);
  if (!user || user->disabled || !user->confirmed_at || !wants(*user, type)) return;
  jobs::enqueue(c, {.kind = kJobKind,
                    .payload = {{"account_id", recipient_account_id}, {"notification_id", notification_id}},
                    .queue = "mailers",
                    .max_attempts = 5});
}

void deliver(Context& ctx, int64_t recipient_account_id, int64_t notification_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto user = store::accounts::find_user_by_account(c, recipient_account_id);
  auto n = store::notifications::find(c, recipient_account_id, notification_id);
  auto from = n ? store::accounts::find(c, n->from_account_id) : std::nullopt;
  // Gone, or turned off since: nothing to send.
  if (!user || !n || !from || user->disabled || !wants(*user, n->type)) return;
  std::string unsubscribe = ctx.config.base_url() + "/unsubscribe?token=" +
                            unsubscribe_token(ctx, user->id, n->type);
  mail::Vars vars{{"name", from->display_name.empty() ? from->username : from->display_name},
                  {"acct", from->acct()},
                  {"text", quoted_status(c, n->status_id)},
                  {"link", link_for(ctx, c, *n, *from)},
                  {"unsubscribe", unsubscribe}};
  store::in_transaction(c, [&] {
    enqueue_template_mail(ctx, c, user->email, user->locale, "notification_" + n->type, vars, unsubscribe);
  });
}

std::string unsubscribe_token(Context& ctx, int64_t user_id, const std::string& type) {
  std::string payload = std::to_string(user_id) + "." + type;
  return payload + "." + signature(ctx, payload);
}

std::optional<Unsubscribe> verify_unsubscribe_token(Context& ctx, const std::string& token) {
  if (token.size() > 200) return std::nullopt;
  auto last = token.rfind('.');
  auto first = token.find('.');
  if (last == std::string::npos || first == last) return std::nullopt;
  std::string payload = token.substr(0, last);
  if (!crypto::equal_secrets(token.substr(last + 1), signature(ctx, payload))) return std::nullopt;
  Unsubscribe u{.type = payload.substr(first + 1)};
  try {
    u.user_id = std::stoll(payload.substr(0, first));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!preference_key(u.type)) return std::nullopt;
  return u;
}

bool unsubscribe(Context& ctx, const std::string& token) {
  auto u = verify_unsubscribe_token(ctx, token);
  if (!u) return false;
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] { set_wanted(*lease, u->user_id, u->type, false); });
  return true;
}

}  // namespace agora::services::notification_emails
