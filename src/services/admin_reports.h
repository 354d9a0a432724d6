// Reports as moderators handle them (the admin API's /api/v1/admin/reports):
// every call needs manage_reports and writes the audit log when it changes something.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/admin_report_view.h"
#include "model/pagination.h"
#include "services/context.h"
#include "services/roles.h"
#include "store/admin_reports.h"

namespace agora::services {

model::Paginated<model::AdminReportView> list_admin_reports(Context& ctx, const Staff& staff,
                                                            const store::admin_reports::Filter& filter);
// 404 for an unknown report, then 403 without manage_reports.
model::AdminReportView show_admin_report(Context& ctx, const Staff& staff, int64_t report_id);

struct ReportChanges {
  std::optional<std::string> category;
  std::optional<std::vector<int64_t>> rule_ids;
};
// 422 for an unknown category or rules that do not exist.
model::AdminReportView update_admin_report(Context& ctx, const Staff& staff, int64_t report_id,
                                           const ReportChanges& changes);
model::AdminReportView assign_report_to_self(Context& ctx, const Staff& staff, int64_t report_id);
model::AdminReportView unassign_report(Context& ctx, const Staff& staff, int64_t report_id);
model::AdminReportView resolve_report(Context& ctx, const Staff& staff, int64_t report_id);
model::AdminReportView reopen_report(Context& ctx, const Staff& staff, int64_t report_id);

}  // namespace agora::services
