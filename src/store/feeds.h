// Home and list feeds, filled on write (fan-out) so reading one is a single
// index range over feed_entries.
#pragma once
#include <cstdint>
#include <vector>

#include "model/status.h"
#include "store/database.h"

namespace agora::store::feeds {

// Adds the status to the home feed of each of `owner_ids`.
void add_to_homes(Connection& c, const model::Status& s, const std::vector<int64_t>& owner_ids);
// Adds the status to the home feed of every local follower of its author
// who wants to see it: not blocking or muting the author, following with
// boosts shown (for a boost), with no language filter that leaves it out,
// and for a reply following the account replied to as well (unless the
// author replies to themselves), as Mastodon's FeedManager decides.
void add_to_follower_homes(Connection& c, const model::Status& s, int64_t now_ms);

}  // namespace agora::store::feeds
