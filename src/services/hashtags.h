// Hashtags searched by name and trending, loaded with their history for
// the Tag entity (many at once).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/tag_views.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

// The tags with their last 7 days of use (newest first) and, for a viewer, whether they follow them.
std::vector<model::TagView> tag_views(store::Connection& c, std::optional<int64_t> viewer,
                                      const std::vector<model::Tag>& tags, int64_t now_ms);

struct HashtagSearch {
  std::string query;  // a leading '#' is ignored
  bool exclude_unreviewed = false;
  int limit = 20;
  int offset = 0;
};
std::vector<model::TagView> search_hashtags(Context& ctx, std::optional<int64_t> viewer, const HashtagSearch& search);

// GET /api/v1/trends/tags: tags used by the most accounts in public statuses of the last 7 days.
// `for_review`: every candidate, reviewed or not (moderators' list).
std::vector<model::TagView> trending_tags(Context& ctx, std::optional<int64_t> viewer, int limit, int offset,
                                          bool for_review = false);

}  // namespace agora::services
