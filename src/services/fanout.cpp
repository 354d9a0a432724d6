#include "services/fanout.h"

#include "core/time.h"
#include "services/stream_events.h"
#include "store/feeds.h"

namespace agora::services {

namespace {
// A feed gets trimmed about once per kTrimShards entries it receives.
constexpr int64_t kTrimShards = 16;
}  // namespace

void fan_out(store::Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned_local_ids) {
  stream_events::status_created(c, s);
  store::feeds::add_to_homes(c, s, {s.account_id});
  if (s.visibility == model::Visibility::direct) {
    store::feeds::add_to_homes(c, s, mentioned_local_ids);
    return;
  }
  int64_t now = now_ms();
  store::feeds::add_to_follower_homes(c, s, now);
  store::feeds::add_to_lists(c, s, now);
}

void trim_feeds(store::Connection& c, const model::Status& s) {
  using store::feeds::Kind;
  int64_t shard = (s.id >> 16) % kTrimShards;
  if (s.account_id / 65536 % kTrimShards == shard) store::feeds::trim(c, s.account_id, Kind::home, kFeedSize);
  if (s.visibility == model::Visibility::direct) return;
  for (int64_t follower : store::feeds::local_follower_ids_in_shard(c, s.account_id, shard, kTrimShards))
    store::feeds::trim(c, follower, Kind::home, kFeedSize);
}

void merge_into_home(store::Connection& c, int64_t follower_id, int64_t author_id) {
  store::feeds::merge_into_home(c, follower_id, author_id, now_ms(), kMergeOnFollow);
}

void unmerge_from_feeds(store::Connection& c, int64_t follower_id, int64_t author_id) {
  store::feeds::remove_author(c, follower_id, author_id);
}

void clear_from_feeds(store::Connection& c, int64_t owner_id, int64_t target_id) {
  store::feeds::clear_account(c, owner_id, target_id);
}

}  // namespace agora::services
