// Finding statuses beyond timelines: full-text search and trending posts.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/tags.h"

namespace agora::store::status_discovery {

struct StatusSearch {
  int64_t viewer = 0;
  std::string query;  // words, all of which must appear
  std::optional<int64_t> account_id;  // only statuses by this account
  std::optional<int64_t> min_id, max_id;
  int limit = 20;
  int offset = 0;
};
// Ids of statuses (no boosts) matching the words that are searchable by the
// viewer as Mastodon allows: those they wrote, favourited, bookmarked,
// boosted or were mentioned in, and public ones whose authors opted in to
// being indexed. Newest first. The caller still applies visibility.
std::vector<int64_t> search(Connection& c, const StatusSearch& search);

// Ids of public statuses (no boosts, no replies) since `since_ms` by
// discoverable, unsilenced authors that were favourited or boosted, by
// favourites + boosts, then newest first.
// `review` as store::tags::trending: statuses.trendable is set by a moderator's approve or reject.
std::vector<int64_t> trending(Connection& c, int64_t since_ms, int limit, int offset, tags::TrendReview review);
// Approve or reject a status as a trend: false for an unknown status.
bool review(Connection& c, int64_t status_id, bool trendable);
// The ones among `ids` not reviewed yet (statuses.trendable unset).
std::set<int64_t> unreviewed_among(Connection& c, const std::vector<int64_t>& ids);

}  // namespace agora::store::status_discovery
