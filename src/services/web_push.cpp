#include "services/web_push.h"

#include <boost/json/serialize.hpp>
#include <array>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/time.h"
#include "entities/account.h"
#include "entities/web_push.h"
#include "federation/http_client.h"
#include "jobs/queue.h"
#include "push/encryption.h"
#include "push/vapid.h"
#include "services/instance.h"
#include "services/render_context.h"
#include "services/validation.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/notifications.h"
#include "store/push_subscriptions.h"
#include "store/settings.h"
#include "store/statuses.h"
#include "store/visibility.h"
#include "text/html.h"

namespace agora::services::web_push {

namespace {

constexpr const char* kPrivateKeySetting = "vapid_private_key";
constexpr size_t kMaxEndpointLength = 2048;
constexpr size_t kMaxKeyLength = 256;
// Mastodon's TTL (48 hours) and urgency.
constexpr const char* kTtlSeconds = "172800";
constexpr const char* kUrgency = "normal";
constexpr int64_t kJwtLifetimeS = 12 * 3600;

constexpr std::array<std::string_view, 14> kAlertTypes = {
    "mention", "status", "reblog", "follow", "follow_request", "favourite", "poll",
    "update", "admin.sign_up", "admin.report", "severed_relationships", "moderation_warning", "quote",
    "quoted_update"};

push::P256Key vapid_key(Context& ctx) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto stored = store::settings::find(c, kPrivateKeySetting);
  if (!stored) {
    // Two processes may race here; the transaction makes one key win and both read it back.
    store::in_transaction(c, [&] {
      if (store::settings::find(c, kPrivateKeySetting)) return;
      store::settings::put(c, kPrivateKeySetting, push::P256Key::generate().private_pem());
    });
    stored = store::settings::find(c, kPrivateKeySetting);
  }
  return push::P256Key::from_private_pem(stored->value);
}

// Base64 in either alphabet, with or without padding (browsers send
// base64url, Mastodon.py the standard alphabet).
std::optional<std::string> decode_key(std::string_view text) {
  if (text.empty() || text.size() > kMaxKeyLength) return std::nullopt;
  std::string standard(text);
  for (char& ch : standard) ch = ch == '-' ? '+' : ch == '_' ? '/' : ch;
  while (standard.size() % 4) standard.push_back('=');
  return crypto::base64_decode(standard);
}

model::PushSubscription token_subscription(Context& ctx, const Auth& auth) {
  auto lease = ctx.db.acquire();
  auto s = store::push_subscriptions::find_by_token(*lease, auth.token.id);
  if (!s) throw Error::not_found();
  return *s;
}

void apply(model::PushSubscription& s, const Data& data) {
  s.alerts = data.alerts;
  s.policy = data.policy.value_or("all").substr(0, 32);
}

// Mastodon's policy_allows_notification?: an unknown policy allows nothing.
bool policy_allows(store::Connection& c, const std::string& policy, int64_t recipient, int64_t from) {
  if (policy == "all") return true;
  if (policy == "followed") return !store::visibility::followed(c, recipient, {from}).empty();
  if (policy == "follower") return store::follows::find(c, store::follows::Table::follows, from, recipient).has_value();
  return false;
}

// Mastodon's body: the tags stripped from the content warning, the status'
// text (the source of local statuses, the HTML of remote ones) or the
// sender's note.
std::string notification_text(store::Connection& c, const model::Notification& n, const model::Account& from) {
  if (n.status_id) {
    if (auto status = store::statuses::find(c, *n.status_id)) {
      if (!status->spoiler_text.empty()) return text::html_to_text(status->spoiler_text);
      return text::html_to_text(status->text.empty() ? status->content : status->text);
    }
  }
  return text::html_to_text(from.note);
}

bool retryable(int status) { return status >= 500 || status == 408 || status == 429; }

}  // namespace

std::span<const std::string_view> alert_types() { return kAlertTypes; }

std::string vapid_public_key(Context& ctx) {
  std::string key = crypto::base64url(vapid_key(ctx).public_point());
  while (key.size() % 4) key.push_back('=');
  return key;
}

model::PushSubscription subscribe(Context& ctx, const Auth& auth, const std::string& bearer_token,
                                  const NewSubscription& request) {
  if (!auth.user) throw Error::forbidden();
  Validation v;
  if (request.endpoint.empty()) {
    v.add("endpoint", "Endpoint", "ERR_BLANK", "can't be blank");
  } else if (request.endpoint.size() > kMaxEndpointLength || !push::audience_of(request.endpoint)) {
    v.add("endpoint", "Endpoint", "ERR_INVALID", "is not a valid URL");
  }
  auto point = decode_key(request.p256dh);
  if (request.p256dh.empty()) {
    v.add("key_p256dh", "Key p256dh", "ERR_BLANK", "can't be blank");
  } else if (!point || !push::valid_public_point(*point)) {
    v.add("key_p256dh", "Key p256dh", "ERR_INVALID", "is not a valid P-256 public key");
  }
  auto secret = decode_key(request.auth);
  if (request.auth.empty()) {
    v.add("key_auth", "Key auth", "ERR_BLANK", "can't be blank");
  } else if (!secret || secret->size() < 16) {
    v.add("key_auth", "Key auth", "ERR_INVALID", "is not a valid authentication secret");
  }
  v.throw_if_failed(false);

  model::PushSubscription s;
  s.access_token_id = auth.token.id;
  s.user_id = auth.user->id;
  s.endpoint = request.endpoint;
  s.key_p256dh = request.p256dh;
  s.key_auth = request.auth;
  s.standard = request.standard;
  s.access_token = bearer_token;
  s.created_at = s.updated_at = now_ms();
  apply(s, request.data);
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] { store::push_subscriptions::replace(*lease, s); });
  return s;
}

model::PushSubscription show(Context& ctx, const Auth& auth) { return token_subscription(ctx, auth); }

model::PushSubscription update(Context& ctx, const Auth& auth, const Data& data) {
  auto s = token_subscription(ctx, auth);
  apply(s, data);
  s.updated_at = now_ms();
  auto lease = ctx.db.acquire();
  store::push_subscriptions::update_data(*lease, s.id, s, s.updated_at);
  return s;
}

void unsubscribe(Context& ctx, const Auth& auth) {
  auto lease = ctx.db.acquire();
  store::push_subscriptions::remove_by_token(*lease, auth.token.id);
}

void enqueue(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t notification_id,
             int64_t now_ms) {
  for (const auto& s : store::push_subscriptions::for_account(c, recipient, now_ms)) {
    if (!s.alerts_on(type) || !policy_allows(c, s.policy, recipient, from)) continue;
    jobs::Job job;
    job.kind = kJobKind;
    job.queue = "push";
    job.max_attempts = 5;  // Mastodon's retry: 5
    job.payload = {{"subscription_id", s.id}, {"notification_id", notification_id}};
    jobs::enqueue(c, job);
  }
}

void deliver(Context& ctx, int64_t subscription_id, int64_t notification_id) {
  std::string body;
  model::PushSubscription subscription;
  {
    auto lease = ctx.db.acquire();
    auto& c = *lease;
    auto s = store::push_subscriptions::find(c, subscription_id);
    if (!s) return;  // unsubscribed meanwhile
    subscription = std::move(*s);
    auto account = store::accounts::find_user(c, subscription.user_id);
    auto notification = account ? store::notifications::find(c, account->account_id, notification_id) : std::nullopt;
    auto from = notification ? store::accounts::find(c, notification->from_account_id) : std::nullopt;
    if (!notification || !from || !subscription.alerts_on(notification->type)) return;
    auto avatar = entities::account(*from, render_context(ctx)).at("avatar_static");
    entities::PushNotificationInput input{subscription, *notification, *from,
                                          account->locale.empty() ? "en" : account->locale,
                                          std::string(avatar.as_string()), notification_text(c, *notification, *from)};
    body = boost::json::serialize(entities::push_notification(input));
  }
  auto point = decode_key(subscription.key_p256dh);
  auto secret = decode_key(subscription.key_auth);
  auto audience = push::audience_of(subscription.endpoint);
  if (!point || !secret || !audience) return;  // validated on creation; nothing to retry

  federation::OutboundRequest request;
  request.method = "POST";
  request.url = subscription.endpoint;
  request.body = push::encrypt(body, *point, *secret);
  std::string contact;
  {
    auto lease = ctx.db.acquire();
    contact = instance_settings(*lease).contact_email;
  }
  std::string subject = contact.empty() ? ctx.config.base_url() : "mailto:" + contact;
  request.headers = {{"Content-Type", "application/octet-stream"},
                     {"Content-Encoding", "aes128gcm"},
                     {"TTL", kTtlSeconds},
                     {"Urgency", kUrgency},
                     {"Authorization", push::vapid_authorization(vapid_key(ctx), *audience,
                                                                 now_ms() / 1000 + kJwtLifetimeS, subject)}};
  request.max_response_bytes = 64 * 1024;
  int status = 0;
  try {
    status = federation::HttpClient(federation::ClientSettings::from(ctx.config)).fetch(request).status;
  } catch (const federation::FetchError& e) {
    if (e.kind == federation::FetchError::Kind::refused) {
      log::warn("web push to subscription {} refused: {}", subscription_id, e.what());
      return;
    }
    throw std::runtime_error("web push to subscription " + std::to_string(subscription_id) + ": " + e.what());
  }
  if (status >= 200 && status < 300) return;
  if (retryable(status))
    throw std::runtime_error("web push to subscription " + std::to_string(subscription_id) + ": HTTP " +
                             std::to_string(status));
  // The push service no longer knows the subscription (404, 410) or refuses it.
  log::info("web push subscription {} removed: HTTP {}", subscription_id, status);
  auto lease = ctx.db.acquire();
  store::push_subscriptions::remove(*lease, subscription_id);
}

}  // namespace agora::services::web_push
