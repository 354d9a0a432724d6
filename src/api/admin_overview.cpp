// agora's admin endpoints for the federation overview and the audit log:
// GET /api/v1/admin/instances and GET /api/v1/admin/action_logs.
#include "api/admin_auth.h"
#include "api/api.h"
#include "api/pagination.h"
#include "core/time.h"
#include <algorithm>
#include "http/params.h"
#include "services/admin_overview.h"

namespace agora::api {

namespace {

constexpr int kLimit = 40, kMaxLimit = 200;

boost::json::value opt_time(const std::optional<int64_t>& t) {
  return t ? boost::json::value(format_iso8601(*t)) : boost::json::value(nullptr);
}

boost::json::object instance_json(const store::admin_instances::Row& r) {
  boost::json::value block = nullptr, allow = nullptr;
  if (r.domain_block_id)
    block = boost::json::object{{"id", std::to_string(*r.domain_block_id)}, {"severity", r.severity.value_or("")}};
  if (r.domain_allow_id) allow = boost::json::object{{"id", std::to_string(*r.domain_allow_id)}};
  return {{"domain", r.domain},
          {"accounts_count", r.accounts_count},
          {"statuses_count", r.statuses_count},
          {"software", r.software ? boost::json::value(*r.software) : boost::json::value(nullptr)},
          {"last_success_at", opt_time(r.last_success_at)},
          {"failure_count", r.failure_count},
          {"unavailable_since", opt_time(r.unavailable_since)},
          {"domain_block", block},
          {"domain_allow", allow}};
}

boost::json::object action_log_json(const store::admin_action_logs::Listed& l) {
  const auto& e = l.entry;
  return {{"id", std::to_string(e.id)},
          {"action", e.action},
          {"target_type", e.target_type},
          {"target_id", e.target_id ? boost::json::value(std::to_string(*e.target_id)) : boost::json::value(nullptr)},
          {"summary", e.summary},
          {"account_id", e.account_id ? boost::json::value(std::to_string(*e.account_id)) : boost::json::value(nullptr)},
          {"acct", l.acct},
          {"created_at", format_iso8601(e.created_at)}};
}

}  // namespace

void register_admin_overview_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/instances", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    int limit = limit_param(req, kLimit, kMaxLimit);
    int64_t offset = http::param_int(req.params, "offset").value_or(0);
    auto search = http::param_string(req.params, "by_domain").value_or("");
    auto rows = services::admin_instances(ctx, staff, search, std::max(limit, 1), offset);
    boost::json::array out;
    for (const auto& r : rows) out.push_back(instance_json(r));
    auto res = http::Response::json(out);
    std::optional<int64_t> next, prev;
    if (static_cast<int>(rows.size()) == limit) next = offset + limit;
    if (offset > 0) prev = std::max<int64_t>(0, offset - limit);
    add_offset_link_header(res, ctx.config.base_url(), req, next, prev);
    return res;
  });
  router.get("/api/v1/admin/action_logs", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    store::admin_action_logs::Filter filter;
    filter.account_id = http::param_int(req.params, "account_id");
    filter.action = http::param_string(req.params, "action");
    filter.target_type = http::param_string(req.params, "target_type");
    auto page = services::admin_action_logs(ctx, staff, filter, read_page(req, kLimit, kMaxLimit));
    boost::json::array out;
    for (const auto& l : page.items) out.push_back(action_log_json(l));
    auto res = http::Response::json(out);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "since_id");
    return res;
  });
}

}  // namespace agora::api
