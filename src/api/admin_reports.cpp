// The admin API for reports: /api/v1/admin/reports (list, show, update,
// assign_to_self, unassign, resolve, reopen) with the Admin::Report entity.
#include "api/admin_auth.h"
#include "api/api.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "entities/admin_report.h"
#include "http/params.h"
#include "services/admin_reports.h"

namespace agora::api {

namespace {

constexpr int kLimit = 100;
constexpr std::string_view kRead = "admin:read:reports";
constexpr std::string_view kWrite = "admin:write:reports";

std::optional<int64_t> id_filter(const http::Request& req, std::string_view key) {
  auto text = http::param_string(req.params, key);
  if (!text || text->empty()) return std::nullopt;
  // An id that is no id matches nothing, as a Rails where(account_id: "x") does.
  return parse_id(*text).value_or(0);
}

http::Response one(services::Context& ctx, const model::AdminReportView& v) {
  return http::Response::json(entities::admin_report(v, render_context(ctx)));
}

using Change = model::AdminReportView (*)(services::Context&, const services::Staff&, int64_t);

void post_change(http::Router& router, services::Context& ctx, const std::string& action, Change change) {
  router.post("/api/v1/admin/reports/:id/" + action, [&ctx, change](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return one(ctx, change(ctx, staff, path_id(req)));
  });
}

}  // namespace

void register_admin_report_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/reports", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    store::admin_reports::Filter filter;
    filter.resolved = !http::param_string(req.params, "resolved").value_or("").empty();
    filter.account_id = id_filter(req, "account_id");
    filter.target_account_id = id_filter(req, "target_account_id");
    filter.page = read_page(req, kLimit, kLimit);
    auto page = services::list_admin_reports(ctx, staff, filter);
    boost::json::array out;
    auto rc = render_context(ctx);
    for (const auto& v : page.items) out.push_back(entities::admin_report(v, rc));
    auto res = http::Response::json(out);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });
  router.get("/api/v1/admin/reports/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return one(ctx, services::show_admin_report(ctx, staff, path_id(req)));
  });
  router.put("/api/v1/admin/reports/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    services::ReportChanges changes;
    if (auto c = http::param_string(req.params, "category")) changes.category = *c;
    if (req.params.contains("rule_ids") || req.params.contains("rule_ids[]")) {
      std::vector<int64_t> ids;
      for (const auto& text : http::param_list(req.params, "rule_ids")) {
        if (text.empty()) continue;
        auto id = parse_id(text);
        if (!id) throw Error::unprocessable("Validation failed: Rule ids does not reference valid rules");
        ids.push_back(*id);
      }
      changes.rule_ids = ids;
    }
    return one(ctx, services::update_admin_report(ctx, staff, path_id(req), changes));
  });
  post_change(router, ctx, "assign_to_self", services::assign_report_to_self);
  post_change(router, ctx, "unassign", services::unassign_report);
  post_change(router, ctx, "resolve", services::resolve_report);
  post_change(router, ctx, "reopen", services::reopen_report);
}

}  // namespace agora::api
