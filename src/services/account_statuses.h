// GET /api/v1/accounts/:id/statuses: an account's statuses as a viewer may
// read them (Mastodon's AccountStatusesFilter).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/account.h"
#include "model/pagination.h"
#include "model/status.h"
#include "services/context.h"

namespace agora::services {

struct AccountStatusesRequest {
  bool pinned = false;
  bool only_media = false;
  bool exclude_replies = false;
  bool exclude_reblogs = false;
  std::optional<std::string> tagged;
  model::PageRequest page;
};

// Empty for suspended authors and when the author blocks the viewer; only
// what the viewer may see otherwise, newest first.
model::Paginated<model::StatusView> account_statuses(Context& ctx, std::optional<int64_t> viewer,
                                                     const model::Account& account,
                                                     const AccountStatusesRequest& request);

}  // namespace agora::services
