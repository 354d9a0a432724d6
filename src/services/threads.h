// A status's thread as the viewer may see it (GET /api/v1/statuses/:id/context).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/status.h"
#include "services/context.h"

namespace agora::services {

struct StatusContext {
  std::vector<model::StatusView> ancestors;    // oldest first
  std::vector<model::StatusView> descendants;  // depth first, in thread order
};

// 404 when the status does not exist or the viewer may not see it. Each
// status around it is left out when the viewer may not see it or excludes
// its author (blocks, mutes, domain blocks). Signed out, the thread is
// limited as Mastodon limits it.
StatusContext status_context(Context& ctx, std::optional<int64_t> viewer, int64_t status_id);

// The statuses of `ids` (no boosts expected) the viewer may see and has not
// excluded, loaded for rendering, in the order of `ids`.
std::vector<model::StatusView> viewable_statuses(store::Connection& c, std::optional<int64_t> viewer,
                                                 const std::vector<int64_t>& ids);

}  // namespace agora::services
