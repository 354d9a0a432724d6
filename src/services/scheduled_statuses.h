// Scheduled statuses (Mastodon's ScheduledStatus and PublishScheduledStatusWorker):
// kept with the posting request as JSON, posted by a job at their time.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "model/account.h"
#include "model/pagination.h"
#include "model/scheduled_status.h"
#include "model/status.h"
#include "services/context.h"
#include "services/statuses.h"

namespace agora::services {

// Mastodon's ScheduledStatus limits: at least 5 minutes ahead (sooner is
// posted at once), 25 due on one (UTC) day, 300 in all.
constexpr int64_t kMinScheduleOffsetMs = 5 * 60 * 1000;
constexpr int64_t kMaxScheduledPerDay = 25;
constexpr int64_t kMaxScheduledStatuses = 300;

using PostOutcome = std::variant<model::Status, model::ScheduledStatus>;

// POST /api/v1/statuses: with a `scheduled_at` at least 5 minutes ahead the
// status is validated and kept for later; otherwise it is posted now.
PostOutcome post_or_schedule(Context& ctx, const model::Account& author, const NewStatus& status,
                             const std::optional<std::string>& scheduled_at);

model::Paginated<model::ScheduledStatus> scheduled_statuses(Context& ctx, const model::Account& owner,
                                                            const model::PageRequest& page);
// The owner's scheduled status; 404 for anyone else's.
model::ScheduledStatus scheduled_status(Context& ctx, const model::Account& owner, int64_t id);
// PUT /api/v1/scheduled_statuses/:id: a new time (same checks as scheduling).
model::ScheduledStatus reschedule_status(Context& ctx, const model::Account& owner, int64_t id,
                                         const std::optional<std::string>& scheduled_at);
void cancel_scheduled_status(Context& ctx, const model::Account& owner, int64_t id);

// The publish_scheduled_status job: posts it once, when due, and forgets it.
void publish_scheduled_status(Context& ctx, int64_t id);

}  // namespace agora::services
