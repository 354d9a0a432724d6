// Muting accounts, for good or for a while.
#pragma once
#include <cstdint>
#include <optional>

#include "model/account.h"
#include "model/pagination.h"
#include "model/relationship.h"
#include "services/context.h"

namespace agora::services {

// POST /api/v1/accounts/:id/mute. `hide_notifications` defaults to true;
// `duration_s` 0 mutes until unmuted, otherwise for that many seconds.
// Muting again replaces both. Muting oneself changes nothing.
model::Relationship mute(Context& ctx, const model::Account& viewer, int64_t target_id,
                         std::optional<bool> hide_notifications, int64_t duration_s);
// POST /api/v1/accounts/:id/unmute.
model::Relationship unmute(Context& ctx, const model::Account& viewer, int64_t target_id);
// GET /api/v1/mutes: mutes still in force, newest first.
model::Paginated<model::MutedAccount> mutes(Context& ctx, const model::Account& viewer,
                                            const model::PageRequest& page);

}  // namespace agora::services
