// Fan-out on write: a new status goes into the home feeds of those who
// should see it when it is posted, so reading a home timeline is one index
// range (timelines are read far more often than written; see
// docs/architecture.md). Runs in the posting transaction.
#pragma once
#include <cstdint>
#include <vector>

#include "model/status.h"
#include "store/database.h"

namespace agora::services {

// The author's own home, and: for public, unlisted and followers-only
// statuses the homes of local followers who want it; for direct messages
// the homes of the mentioned local accounts.
void fan_out(store::Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned_local_ids);

}  // namespace agora::services
