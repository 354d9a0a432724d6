#include "services/notify.h"

#include "store/mutes.h"
#include "store/notifications.h"
#include "store/visibility.h"

namespace agora::services {

namespace {
// Mastodon groups follows into one notification group per span of hours.
constexpr int64_t kGroupBucketMs = 3600'000;
}  // namespace

void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
            std::optional<int64_t> status_id) {
  // One is told of the end of one's own poll, of nothing else one did.
  if (recipient == from && type != "poll") return;
  if (store::mutes::hides_notifications(c, recipient, from, now_ms)) return;
  if (!store::visibility::blocking(c, from, {recipient}).empty()) return;
  std::optional<std::string> group_key;
  if (type == "follow") group_key = "follow-" + std::to_string(now_ms / kGroupBucketMs);
  store::notifications::insert(c, {recipient, from, type, group_key, now_ms, status_id});
}

}  // namespace agora::services
