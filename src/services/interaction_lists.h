// Lists read from interactions: one's favourites and bookmarks, and who
// favourited or boosted a status. Paged by the interaction row's id.
#pragma once
#include <cstdint>
#include <optional>

#include "model/account.h"
#include "model/pagination.h"
#include "model/status.h"
#include "services/context.h"

namespace agora::services {

// GET /api/v1/favourites and /api/v1/bookmarks: what the member may still see.
model::Paginated<model::StatusView> favourites(Context& ctx, const model::Account& member,
                                               const model::PageRequest& page);
model::Paginated<model::StatusView> bookmarks(Context& ctx, const model::Account& member,
                                              const model::PageRequest& page);

// GET /api/v1/statuses/:id/favourited_by and /reblogged_by: 404 when the
// viewer may not see the status; leaves out suspended accounts and those
// the viewer blocks or mutes.
model::Paginated<model::Account> favourited_by(Context& ctx, std::optional<int64_t> viewer, int64_t status_id,
                                               const model::PageRequest& page);
model::Paginated<model::Account> reblogged_by(Context& ctx, std::optional<int64_t> viewer, int64_t status_id,
                                              const model::PageRequest& page);

}  // namespace agora::services
