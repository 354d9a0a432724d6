// What the admin area reads about the server as a whole: the job queue
// (view_dashboard), the servers we federate with (manage_federation) and the
// audit log (view_audit_log).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "services/roles.h"
#include "store/admin_action_logs.h"
#include "store/admin_instances.h"
#include "store/job_stats.h"

namespace agora::services {

std::vector<store::job_stats::JobCount> admin_job_queues(Context& ctx, const Staff& staff);

std::vector<store::admin_instances::Row> admin_instances(Context& ctx, const Staff& staff, const std::string& search,
                                                         int limit, int64_t offset);

model::Paginated<store::admin_action_logs::Listed> admin_action_logs(Context& ctx, const Staff& staff,
                                                                     const store::admin_action_logs::Filter& filter,
                                                                     const model::PageRequest& page);

}  // namespace agora::services
