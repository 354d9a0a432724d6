// Endorsements (featuring followed accounts on one's profile) and the
// private notes members keep about accounts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/account.h"
#include "model/pagination.h"
#include "model/relationship.h"
#include "services/context.h"

namespace agora::services {

// The longest note Mastodon keeps, in characters.
constexpr size_t kMaxAccountNoteLength = 2000;

// POST /api/v1/accounts/:id/pin (4.4: /endorse). 422 unless the viewer follows the account.
model::Relationship endorse(Context& ctx, const model::Account& viewer, int64_t target_id);
// POST /api/v1/accounts/:id/unpin (4.4: /unendorse).
model::Relationship unendorse(Context& ctx, const model::Account& viewer, int64_t target_id);
// GET /api/v1/endorsements: the viewer's own; limit 0 lists all. Paged by account id.
model::Paginated<model::Account> endorsements(Context& ctx, const model::Account& viewer,
                                              const model::PageRequest& page);
// GET /api/v1/accounts/:id/endorsements: anyone's (empty for suspended accounts).
model::Paginated<model::Account> endorsements_of(Context& ctx, int64_t account_id, const model::PageRequest& page);

// POST /api/v1/accounts/:id/note: a blank comment deletes the note; 422 past 2,000 characters.
model::Relationship set_account_note(Context& ctx, const model::Account& viewer, int64_t target_id,
                                     const std::string& comment);

}  // namespace agora::services
