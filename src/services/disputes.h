// Strikes and appeals (Mastodon's Disputes::StrikesController, AppealService,
// ApproveAppealService and Admin::Disputes::AppealsController): a member reads
// their strikes and may appeal each once, within 20 days and before it is
// overruled; a moderator with manage_appeals approves (the action is undone
// and the strike overruled) or rejects. The member is mailed each decision.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dispute.h"
#include "model/pagination.h"
#include "model/status.h"
#include "services/context.h"
#include "services/roles.h"
#include "store/account_warnings.h"
#include "store/appeals.h"

namespace agora::services {

using model::AppealView;
using model::StrikeView;

model::Paginated<StrikeView> list_strikes(Context& ctx, int64_t account_id, const model::PageRequest& page);
// 404 unless the strike is the member's.
StrikeView show_strike(Context& ctx, int64_t account_id, int64_t strike_id);
// 404 unless the strike is the member's; 422 for a blank or too long text, a
// strike appealed already, overruled, or older than 20 days.
StrikeView appeal_strike(Context& ctx, int64_t account_id, int64_t strike_id, const std::string& text);

// state: pending, approved, rejected or "" (all). 403 without manage_appeals.
model::Paginated<AppealView> list_appeals(Context& ctx, const Staff& staff, const std::string& state,
                                          const model::PageRequest& page);
// 404 for an unknown appeal, 403 without manage_appeals or when it was decided already.
AppealView approve_appeal(Context& ctx, const Staff& staff, int64_t appeal_id);
AppealView reject_appeal(Context& ctx, const Staff& staff, int64_t appeal_id);

}  // namespace agora::services
