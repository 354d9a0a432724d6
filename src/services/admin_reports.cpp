#include "services/admin_reports.h"

#include <algorithm>

#include "core/errors.h"
#include "core/time.h"
#include "services/moderation.h"
#include "services/status_views.h"
#include "store/admin_action_logs.h"
#include "store/rules.h"
#include "store/statement.h"
#include "store/statuses.h"

namespace agora::services {

namespace {

using model::Permission;

model::AdminReportView view_of(store::Connection& c, const model::AdminReport& r, int64_t viewer) {
  model::AdminReportView v{r, load_admin_account(c, r.account_id), load_admin_account(c, r.target_account_id)};
  if (r.assigned_account_id) v.assigned_account = load_admin_account(c, *r.assigned_account_id);
  if (r.action_taken_by_account_id) v.action_taken_by_account = load_admin_account(c, *r.action_taken_by_account_id);
  // Moderators see the reported statuses whatever their visibility.
  if (!r.status_ids.empty()) {
    std::vector<int64_t> ids(r.status_ids.begin(),
                             r.status_ids.begin() + std::min(r.status_ids.size(), store::kMaxIdList));
    v.statuses = load_status_views(c, viewer, store::statuses::find_many(c, ids));
  }
  if (!r.rule_ids.empty())
    for (const auto& rule : store::rules::list(c))
      if (std::find(r.rule_ids.begin(), r.rule_ids.end(), rule.id) != r.rule_ids.end()) v.rules.push_back(rule);
  return v;
}

model::AdminReport find_report(store::Connection& c, int64_t report_id) {
  auto r = store::admin_reports::find(c, report_id);
  if (!r) throw Error::not_found();
  return *r;
}

// Mastodon's ReportsController: find (404), authorize update? (403), change, log.
template <class Change>
model::AdminReportView change_report(Context& ctx, const Staff& staff, int64_t report_id, const char* action,
                                     Change change) {
  auto conn = ctx.db.acquire();
  find_report(*conn, report_id);
  authorize(can(staff, Permission::manage_reports));
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    change(*conn, now);
    if (action)
      store::admin_action_logs::record(*conn, staff.account.id, action, "Report", report_id,
                                       std::to_string(report_id), now);
  });
  return view_of(*conn, find_report(*conn, report_id), staff.account.id);
}

}  // namespace

model::Paginated<model::AdminReportView> list_admin_reports(Context& ctx, const Staff& staff,
                                                            const store::admin_reports::Filter& filter) {
  authorize(can(staff, Permission::manage_reports));
  auto conn = ctx.db.acquire();
  model::Paginated<model::AdminReportView> page;
  auto reports = store::admin_reports::list(*conn, filter);
  for (const auto& r : reports) page.items.push_back(view_of(*conn, r, staff.account.id));
  if (!reports.empty()) {
    if (static_cast<int>(reports.size()) == filter.page.limit) page.next_max_id = reports.back().id;
    page.prev_since_id = reports.front().id;
  }
  return page;
}

model::AdminReportView show_admin_report(Context& ctx, const Staff& staff, int64_t report_id) {
  auto conn = ctx.db.acquire();
  auto r = find_report(*conn, report_id);
  authorize(can(staff, Permission::manage_reports));
  return view_of(*conn, r, staff.account.id);
}

model::AdminReportView update_admin_report(Context& ctx, const Staff& staff, int64_t report_id,
                                           const ReportChanges& changes) {
  std::optional<model::AdminReport> current;
  {
    auto conn = ctx.db.acquire();
    current = find_report(*conn, report_id);
    authorize(can(staff, Permission::manage_reports));
    static constexpr const char* kCategories[] = {"other", "spam", "legal", "violation"};
    if (changes.category && std::none_of(std::begin(kCategories), std::end(kCategories),
                                         [&](const char* c) { return *changes.category == c; }))
      throw Error::unprocessable("Validation failed: Category is not included in the list");
    if (changes.rule_ids) {
      auto rules = store::rules::list(*conn);
      for (int64_t id : *changes.rule_ids)
        if (std::none_of(rules.begin(), rules.end(), [&](const model::Rule& r) { return r.id == id; }))
          throw Error::unprocessable("Validation failed: Rule ids does not reference valid rules");
    }
  }
  std::string category = changes.category.value_or(current->category);
  std::vector<int64_t> rule_ids = changes.rule_ids.value_or(current->rule_ids);
  // Mastodon's Report clears the rules of a report that is no longer about them.
  if (category != "violation") rule_ids.clear();
  return change_report(ctx, staff, report_id, "update", [&](store::Connection& c, int64_t now) {
    store::admin_reports::update(c, report_id, category, rule_ids, now);
  });
}

model::AdminReportView assign_report_to_self(Context& ctx, const Staff& staff, int64_t report_id) {
  return change_report(ctx, staff, report_id, "assigned_to_self", [&](store::Connection& c, int64_t now) {
    store::admin_reports::assign(c, report_id, staff.account.id, now);
  });
}

model::AdminReportView unassign_report(Context& ctx, const Staff& staff, int64_t report_id) {
  return change_report(ctx, staff, report_id, "unassigned", [&](store::Connection& c, int64_t now) {
    store::admin_reports::assign(c, report_id, std::nullopt, now);
  });
}

model::AdminReportView resolve_report(Context& ctx, const Staff& staff, int64_t report_id) {
  return change_report(ctx, staff, report_id, "resolve", [&](store::Connection& c, int64_t now) {
    store::admin_reports::resolve(c, report_id, staff.account.id, now);
  });
}

model::AdminReportView reopen_report(Context& ctx, const Staff& staff, int64_t report_id) {
  return change_report(ctx, staff, report_id, "reopen", [&](store::Connection& c, int64_t now) {
    store::admin_reports::reopen(c, report_id, now);
  });
}

}  // namespace agora::services
