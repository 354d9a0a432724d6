#include "services/notify.h"

#include "store/mutes.h"
#include "store/notifications.h"

namespace agora::services {

namespace {
// Mastodon groups follows into one notification group per span of hours.
constexpr int64_t kGroupBucketMs = 3600'000;
}  // namespace

void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms) {
  if (recipient == from) return;
  if (store::mutes::hides_notifications(c, recipient, from, now_ms)) return;
  std::optional<std::string> group_key;
  if (type == "follow") group_key = "follow-" + std::to_string(now_ms / kGroupBucketMs);
  store::notifications::insert(c, {recipient, from, type, group_key, now_ms});
}

}  // namespace agora::services
