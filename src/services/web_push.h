// Web Push as Mastodon: one subscription per access token (scope `push`),
// the server's VAPID key, and pushing notifications to the subscriptions
// that want them, through `web_push` jobs on the push queue.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/push_subscription.h"
#include "services/auth.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::web_push {

inline constexpr const char* kJobKind = "web_push";

// The notification types a subscription may ask for, in Mastodon's order.
std::span<const std::string_view> alert_types();

// The server's VAPID public key (an uncompressed P-256 point, base64url with
// padding, as Mastodon shows it). The key pair is made on first use and kept
// in the settings table, the same for every process.
std::string vapid_public_key(Context& ctx);

struct Data {
  std::vector<std::pair<std::string, bool>> alerts;  // of alert_types() only, in their order
  std::optional<std::string> policy;                 // all (when absent), followed, follower, none
};
struct NewSubscription {
  std::string endpoint;
  std::string p256dh;  // base64 of the subscriber's P-256 point, either alphabet
  std::string auth;    // base64 of the 16-byte auth secret
  bool standard = false;
  Data data;
};

// Replaces the token's subscription. Throws 422 for a missing or unusable
// endpoint or key.
model::PushSubscription subscribe(Context& ctx, const Auth& auth, const std::string& bearer_token,
                                  const NewSubscription& request);
// The token's subscription; 404 if none.
model::PushSubscription show(Context& ctx, const Auth& auth);
// Replaces alerts and policy, as Mastodon's update; 404 if none.
model::PushSubscription update(Context& ctx, const Auth& auth, const Data& data);
void unsubscribe(Context& ctx, const Auth& auth);

// In the notification's transaction: one web_push job per subscription of
// the recipient whose alerts and policy want this notification.
void enqueue(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t notification_id,
             int64_t now_ms);
// The job: encrypts and POSTs one notification to one subscription. Throws to
// be retried (network errors, 5xx, 408, 429); a subscription the push service
// refuses (any other 4xx: 404, 410 gone) is deleted.
void deliver(Context& ctx, int64_t subscription_id, int64_t notification_id);

}  // namespace agora::services::web_push
