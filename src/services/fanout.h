// Fan-out on write: a new status goes into the home and list feeds of those
// who should see it when it is posted, so reading a home timeline is one
// index range (timelines are read far more often than written; see
// docs/architecture.md, "Timelines"). Everything here runs inside the
// caller's transaction.
#pragma once
#include <cstdint>
#include <vector>

#include "model/status.h"
#include "store/database.h"

namespace agora::services {

// How many of an account's newest statuses a new follower gets in their
// home feed at once (Mastodon's MergeWorker takes up to 200, in a job).
constexpr int kMergeOnFollow = 40;

// Home feeds keep their newest kFeedSize entries, as Mastodon's (FeedManager::MAX_ITEMS).
constexpr int kFeedSize = 800;

// The author's own home, and: for public, unlisted and followers-only
// statuses the homes of local followers who want it and the lists holding
// the author; for direct messages the homes of the mentioned local accounts.
// Each post also trims a rotating sixteenth of the followers' home feeds
// (and the author's own), so feeds stay near kFeedSize without a sweeper.
void fan_out(store::Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned_local_ids);

// Keeps the home feeds a new status went into near their size by trimming a
// rotating share of them. Call after the posting transaction committed, not
// inside it: each trim then commits on its own, and concurrent posts never
// hold each other's feed rows (on PostgreSQL they deadlocked otherwise). A
// trim missed (a boost, a crash) is made up by a later post.
void trim_feeds(store::Connection& c, const model::Status& s);

// A local member started following `author_id`: their recent statuses join
// the member's home feed.
void merge_into_home(store::Connection& c, int64_t follower_id, int64_t author_id);
// A member stopped following `author_id`: what the author wrote or boosted
// leaves the member's home feed and lists.
void unmerge_from_feeds(store::Connection& c, int64_t follower_id, int64_t author_id);
// A member blocked `target_id`: as unmerge, and boosts of the target and
// statuses mentioning the target go too (FeedManager#clear_from_home).
void clear_from_feeds(store::Connection& c, int64_t owner_id, int64_t target_id);

}  // namespace agora::services
