// Home and list feeds, filled on write (fan-out) so reading one is a single
// index range over feed_entries (see docs/architecture.md, "Timelines").
#pragma once
#include <cstdint>
#include <vector>

#include "model/pagination.h"
#include "model/status.h"
#include "store/database.h"

namespace agora::store::feeds {

// feed_entries.feed_kind: whose feed feed_owner_id names.
enum class Kind : int64_t { home = 0, list = 1 };

// Adds the status to the home feed of each of `owner_ids`.
void add_to_homes(Connection& c, const model::Status& s, const std::vector<int64_t>& owner_ids);
// Adds the (already inserted) status to the home feed of every local
// follower of its author who wants it there, as Mastodon's FeedManager
// decides: not blocking or muting the author (or the boosted author, or a
// domain-blocked boosted author), following with boosts shown (for a boost),
// no language filter leaving it out, for a reply to someone else following
// that account too (or being the one replied to), and the author not on one
// of the follower's exclusive lists.
void add_to_follower_homes(Connection& c, const model::Status& s, int64_t now_ms);
// Adds the status to every list that holds its author and whose owner
// follows the author and wants it (the rules above, without exclusive lists),
// honouring the list's replies_policy: followed (replies to accounts the
// owner follows), list (replies to members of the list), none; replies to
// the owner always.
void add_to_lists(Connection& c, const model::Status& s, int64_t now_ms);
// Mastodon's merge on follow: the newest `count` statuses of `author_id`
// that the follower wants, into the follower's home feed.
void merge_into_home(Connection& c, int64_t follower_id, int64_t author_id, int64_t now_ms, int count);

// On unfollow: what `author_id` wrote or boosted leaves the owner's home
// feed and the owner's lists.
void remove_author(Connection& c, int64_t owner_id, int64_t author_id);
// On block: as remove_author, and also boosts of the target's statuses and
// statuses (or boosted statuses) mentioning the target.
void clear_account(Connection& c, int64_t owner_id, int64_t target_id);

// Keeps the newest `keep` entries of one feed.
void trim(Connection& c, int64_t owner_id, Kind kind, int keep);
// The author's local followers in one of `shards` groups (by the follower's
// id), so that each post can trim a rotating share of the feeds it touched.
std::vector<int64_t> local_follower_ids_in_shard(Connection& c, int64_t author_id, int64_t shard, int64_t shards);

// One page of status ids of a feed, newest first, leaving out what `viewer`
// does not want to see now (blocked, muted, domain-blocked authors and
// boosted authors), even if it entered the feed before.
std::vector<int64_t> page(Connection& c, int64_t owner_id, Kind kind, int64_t viewer,
                          const model::PageRequest& page, int64_t now_ms);

}  // namespace agora::store::feeds
