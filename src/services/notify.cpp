#include "services/notify.h"

#include "store/accounts.h"
#include "store/mutes.h"
#include "store/notifications.h"
#include "store/status_interactions.h"
#include "store/visibility.h"

namespace agora::services {

namespace {
// Mastodon groups follows into one notification group per span of hours.
constexpr int64_t kGroupBucketMs = 3600'000;
}  // namespace

void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
            std::optional<int64_t> status_id) {
  if (recipient == from) return;
  if (store::mutes::hides_notifications(c, recipient, from, now_ms)) return;
  if (!store::visibility::blocking(c, from, {recipient}).empty()) return;
  // Nothing about a thread the recipient muted (Mastodon's conversation_muted?).
  if (status_id && store::conversation_mutes::mutes_thread_of(c, recipient, *status_id)) return;
  // Only members of this instance have notifications.
  auto account = store::accounts::find(c, recipient);
  if (!account || !account->local()) return;
  std::optional<std::string> group_key;
  if (type == "follow") group_key = "follow-" + std::to_string(now_ms / kGroupBucketMs);
  store::notifications::insert(c, {recipient, from, type, group_key, now_ms, status_id});
}

}  // namespace agora::services
