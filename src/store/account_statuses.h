// One account's statuses as GET /api/v1/accounts/:id/statuses lists them
// (Mastodon's AccountStatusesFilter), newest first by status id.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/pagination.h"
#include "store/database.h"
#include "store/status_interactions.h"

namespace agora::store::account_statuses {

struct Query {
  int64_t account_id = 0;
  // Who reads: nobody (public and unlisted only), the author (everything),
  // or another member (adds followers-only when following, and what mentions them).
  std::optional<int64_t> viewer;
  bool viewer_follows = false;
  bool pinned = false;
  bool only_media = false;
  bool exclude_replies = false;  // replies to others; self-replies stay
  bool exclude_reblogs = false;
  std::optional<std::string> tagged;  // a normalised tag name
  int64_t now_ms = 0;
  model::PageRequest page;
};

// {status id, status id} rows. Boosts of accounts the viewer blocks, mutes
// or whose domain they block are left out, as Mastodon does.
std::vector<RowRef> page(Connection& c, const Query& q);

}  // namespace agora::store::account_statuses
