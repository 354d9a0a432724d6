// Queries on hashtags: finding or creating them as statuses use them,
// searching them by name, their daily use, and who follows them.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/tag.h"
#include "store/database.h"

namespace agora::store::tags {

// The tag named `name` (normalised), created with `display_name` if new; its
// last_status_at is set to `now_ms`. Call inside a transaction.
model::Tag use(Connection& c, const std::string& name, const std::string& display_name, int64_t now_ms);

struct TagSearch {
  std::string prefix;  // normalised
  bool exclude_unreviewed = false;  // only reviewed (trendable) tags, or the exact name
  int limit = 20;
  int offset = 0;
};
// Listable tags whose name starts with the prefix: shortest names first, then by name (Mastodon's order).
std::vector<model::Tag> search(Connection& c, const TagSearch& search);

// Per tag: uses and distinct accounts per UTC day since `since_ms` (day start in ms → {uses, accounts}).
struct DayUse {
  int64_t uses = 0;
  int64_t accounts = 0;
};
std::map<int64_t, std::map<int64_t, DayUse>> daily_use(Connection& c, const std::vector<int64_t>& tag_ids,
                                                       int64_t since_ms);

// Which of `tag_ids` the viewer follows.
std::set<int64_t> followed(Connection& c, int64_t viewer, const std::vector<int64_t>& tag_ids);

// Tags in public statuses since `since_ms`, by how many accounts used them, then by uses.
std::vector<model::Tag> trending(Connection& c, int64_t since_ms, int limit, int offset);

}  // namespace agora::store::tags
