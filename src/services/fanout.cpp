#include "services/fanout.h"

#include "core/time.h"
#include "store/feeds.h"

namespace agora::services {

void fan_out(store::Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned_local_ids) {
  store::feeds::add_to_homes(c, s, {s.account_id});
  if (s.visibility == model::Visibility::direct) {
    store::feeds::add_to_homes(c, s, mentioned_local_ids);
    return;
  }
  store::feeds::add_to_follower_homes(c, s, now_ms());
}

}  // namespace agora::services
