#include "services/admin_overview.h"

#include "core/errors.h"

namespace agora::services {

using model::Permission;

std::vector<store::job_stats::JobCount> admin_job_queues(Context& ctx, const Staff& staff) {
  // Counts only, as Mastodon's dashboard warns of a stuck queue to everyone who sees it.
  authorize(can(staff, Permission::view_dashboard, Permission::view_devops));
  auto conn = ctx.db.acquire();
  return store::job_stats::counts(*conn);
}

std::vector<store::admin_instances::Row> admin_instances(Context& ctx, const Staff& staff, const std::string& search,
                                                         int limit, int64_t offset) {
  authorize(can(staff, Permission::manage_federation));
  if (search.size() > 253) throw Error::bad_request("by_domain is too long");
  if (offset < 0) throw Error::bad_request("offset must not be negative");
  auto conn = ctx.db.acquire();
  return store::admin_instances::list(*conn, search, limit, offset);
}

model::Paginated<store::admin_action_logs::Listed> admin_action_logs(Context& ctx, const Staff& staff,
                                                                     const store::admin_action_logs::Filter& filter,
                                                                     const model::PageRequest& page) {
  authorize(can(staff, Permission::view_audit_log));
  for (const auto* text : {&filter.action, &filter.target_type})
    if (*text && (*text)->size() > 64) throw Error::bad_request("Filter is too long");
  auto conn = ctx.db.acquire();
  model::Paginated<store::admin_action_logs::Listed> out;
  out.items = store::admin_action_logs::page(*conn, filter, page);
  if (!out.items.empty()) {
    if (static_cast<int>(out.items.size()) == page.limit) out.next_max_id = out.items.back().entry.id;
    out.prev_since_id = out.items.front().entry.id;
  }
  return out;
}

}  // namespace agora::services
