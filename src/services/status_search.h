// Finding statuses: full-text search (GET /api/v2/search type=statuses) and
// trending statuses (GET /api/v1/trends/statuses), both only what the viewer may see.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/status.h"
#include "services/context.h"

namespace agora::services {

struct StatusSearchRequest {
  std::string query;
  std::optional<int64_t> account_id;
  std::optional<int64_t> min_id, max_id;
  int limit = 20;
  int offset = 0;
};

// Signed-in members only (nobody else gets statuses, as Mastodon). A query
// that is a handle or a URL without spaces is not searched as words.
std::vector<model::StatusView> search_statuses(Context& ctx, std::optional<int64_t> viewer,
                                               const StatusSearchRequest& search);

// `for_review`: every candidate, reviewed or not (moderators' list).
std::vector<model::StatusView> trending_statuses(Context& ctx, std::optional<int64_t> viewer, int limit, int offset,
                                                 bool for_review = false);

}  // namespace agora::services
