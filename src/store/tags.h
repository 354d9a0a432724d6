// Hashtags: the tags table, their daily use, follows and featured tags.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/pagination.h"
#include "model/tag.h"
#include "model/tag_views.h"
#include "store/database.h"

namespace agora::store::tags {

// `name` is the normalised name.
std::optional<model::Tag> find_by_name(Connection& c, const std::string& name);
std::optional<model::Tag> find_by_id(Connection& c, int64_t id);
// The tag named `name` (normalised), created with `display_name` if it is new.
// Safe against a concurrent insert of the same name.
model::Tag find_or_create(Connection& c, const std::string& name, const std::string& display_name, int64_t now);

// Uses per day for the `days` days ending with the day of `today_start`
// (midnight UTC, ms), newest first, zero-filled. Counts undeleted statuses.
std::vector<model::TagDay> history(Connection& c, int64_t tag_id, int64_t today_start, int days);

bool follow(Connection& c, int64_t account_id, int64_t tag_id, int64_t now);  // false if already followed
void unfollow(Connection& c, int64_t account_id, int64_t tag_id);
bool is_following(Connection& c, int64_t account_id, int64_t tag_id);
// Rows of tag_follows newest first: (follow id, tag).
std::vector<std::pair<int64_t, model::Tag>> followed_page(Connection& c, int64_t account_id,
                                                          const model::PageRequest& page);

// Featured tags.
std::vector<model::FeaturedTag> featured_of(Connection& c, int64_t account_id);
std::optional<model::FeaturedTag> find_featured(Connection& c, int64_t account_id, int64_t featured_id);
std::optional<model::FeaturedTag> find_featured_by_tag(Connection& c, int64_t account_id, int64_t tag_id);
int64_t count_featured(Connection& c, int64_t account_id);
// Creates the row with the account's public and unlisted statuses that use the tag counted.
model::FeaturedTag insert_featured(Connection& c, int64_t account_id, const model::Tag& tag, int64_t now);
void remove_featured(Connection& c, int64_t featured_id);
// Tags used in the account's latest 1,000 statuses and not featured yet, most used first.
std::vector<model::Tag> suggested_for(Connection& c, int64_t account_id, int limit);
// Which of `tag_ids` the account follows.
std::set<int64_t> followed_among(Connection& c, int64_t account_id, const std::vector<int64_t>& tag_ids);

struct TagSearch {
  std::string prefix;               // normalised
  bool exclude_unreviewed = false;  // only reviewed (trendable) tags, or the exact name
  int limit = 20;
  int offset = 0;
};
// Listable tags whose name starts with the prefix: shortest names first, then by name (Mastodon's order).
std::vector<model::Tag> search(Connection& c, const TagSearch& search);

// Per tag: uses and distinct accounts per UTC day since `since_ms`, keyed by the day's start in ms.
std::map<int64_t, std::map<int64_t, model::TagDay>> daily_use(Connection& c, const std::vector<int64_t>& tag_ids,
                                                              int64_t since_ms);

// Tags in public statuses since `since_ms`, by how many accounts used them, then by uses.
// Which tags may trend: the public list keeps reviewed ones (and, with
// trendable_by_default, unreviewed ones too); moderators see every candidate.
enum class TrendReview { reviewed, reviewed_or_unreviewed, all };
std::vector<model::Tag> trending(Connection& c, int64_t since_ms, int limit, int offset, TrendReview review);
// Mastodon's approve/reject of a trend: trendable and reviewed_at. False for an unknown tag.
bool review(Connection& c, int64_t tag_id, bool trendable, int64_t now_ms);

}  // namespace agora::store::tags
