// Blocking accounts, and blocking whole domains for oneself.
#pragma once
#include <cstdint>
#include <string>

#include "model/account.h"
#include "model/pagination.h"
#include "model/relationship.h"
#include "services/context.h"

namespace agora::services {

// POST /api/v1/accounts/:id/block: ends follows and follow requests both
// ways, then blocks. Blocking oneself changes nothing.
model::Relationship block(Context& ctx, const model::Account& viewer, int64_t target_id);
// POST /api/v1/accounts/:id/unblock.
model::Relationship unblock(Context& ctx, const model::Account& viewer, int64_t target_id);
// GET /api/v1/blocks.
model::Paginated<model::Account> blocks(Context& ctx, const model::Account& viewer, const model::PageRequest& page);

// POST /api/v1/domain_blocks: hides that domain and drops the viewer's
// followers there. 422 for a blank or invalid domain.
void block_domain(Context& ctx, const model::Account& viewer, const std::string& domain);
// DELETE /api/v1/domain_blocks (an unknown or invalid domain is not an error).
void unblock_domain(Context& ctx, const model::Account& viewer, const std::string& domain);
// GET /api/v1/domain_blocks.
model::Paginated<std::string> domain_blocks(Context& ctx, const model::Account& viewer,
                                            const model::PageRequest& page);

}  // namespace agora::services
