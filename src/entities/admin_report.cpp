#include "entities/admin_report.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/admin_account.h"
#include "entities/instance_extras.h"
#include "entities/report.h"
#include "entities/status.h"

namespace agora::entities {

namespace json = boost::json;

namespace {
json::value optional_account(const std::optional<model::AdminAccount>& a, const RenderContext& rc) {
  return a ? json::value(admin_account(*a, rc)) : json::value(nullptr);
}
}  // namespace

json::object admin_report(const model::AdminReportView& v, const RenderContext& rc) {
  const auto& r = v.report;
  json::array statuses, rules;
  for (const auto& s : v.statuses) statuses.push_back(status(s, rc));
  for (const auto& r : v.rules) rules.push_back(entities::rule(r));
  json::object o = report_head(r);
  o["updated_at"] = format_iso8601(r.updated_at);
  o["account"] = admin_account(v.account, rc);
  o["target_account"] = admin_account(v.target_account, rc);
  o["assigned_account"] = optional_account(v.assigned_account, rc);
  o["action_taken_by_account"] = optional_account(v.action_taken_by_account, rc);
  o["statuses"] = std::move(statuses);
  o["rules"] = std::move(rules);
  return o;
}

}  // namespace agora::entities
