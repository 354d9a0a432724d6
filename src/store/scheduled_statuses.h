// Statuses waiting to be posted at their scheduled time.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/pagination.h"
#include "model/scheduled_status.h"
#include "store/database.h"

namespace agora::store::scheduled_statuses {

void insert(Connection& c, const model::ScheduledStatus& s);
std::optional<model::ScheduledStatus> find(Connection& c, int64_t id);
// The account's scheduled statuses, newest first by id.
std::vector<model::ScheduledStatus> page(Connection& c, int64_t account_id, const model::PageRequest& page);
void reschedule(Connection& c, int64_t id, int64_t scheduled_at);
// Deletes it; false when it was already gone (posted or cancelled).
bool remove(Connection& c, int64_t id);

// How many the account has, in all and due on the UTC day of `day_ms` (but `except_id`).
int64_t count(Connection& c, int64_t account_id);
int64_t count_on_day(Connection& c, int64_t account_id, int64_t day_ms, int64_t except_id = 0);

}  // namespace agora::store::scheduled_statuses
