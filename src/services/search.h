// GET /api/v2/search (Mastodon's SearchService): accounts, statuses and
// hashtags for one query, each kind searched only when asked for and when
// the query suits it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/status.h"
#include "model/tag_views.h"
#include "services/context.h"

namespace agora::services {

struct SearchRequest {
  std::string query;
  std::string type;  // "", "accounts", "statuses" or "hashtags"; anything else finds nothing
  std::optional<int64_t> viewer;
  int limit = 20;
  int offset = 0;
  bool following = false;           // accounts: only those the viewer follows
  std::optional<int64_t> account_id;  // statuses: only by this account
  std::optional<int64_t> min_id, max_id;  // statuses
  bool exclude_unreviewed = false;  // hashtags
  bool resolve = false;  // fetch a remote handle or URL not known yet (signed-in viewers only)
};

struct SearchResults {
  std::vector<model::Account> accounts;
  std::vector<model::StatusView> statuses;
  std::vector<model::TagView> hashtags;
};

SearchResults search(Context& ctx, const SearchRequest& request);

}  // namespace agora::services
