// POST /api/v1/reports: a member reports an account to the moderators.
#include "api/api.h"
#include "api/auth.h"
#include "api/render.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "entities/report.h"
#include "http/params.h"
#include "services/reports.h"

namespace agora::api {

namespace {
std::vector<int64_t> ids_param(const boost::json::object& params, std::string_view key) {
  std::vector<int64_t> out;
  for (const auto& text : http::param_list(params, key)) {
    if (text.empty()) continue;
    auto id = parse_id(text);
    if (!id) throw Error::not_found();
    out.push_back(*id);
  }
  return out;
}
}  // namespace

void register_report_routes(http::Router& router, services::Context& ctx) {
  router.post("/api/v1/reports", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:reports"});
    services::NewReport in;
    auto target = parse_id(http::param_string(req.params, "account_id").value_or(""));
    if (!target) throw Error::not_found();
    in.target_account_id = *target;
    in.status_ids = ids_param(req.params, "status_ids");
    in.rule_ids = ids_param(req.params, "rule_ids");
    in.comment = http::param_string(req.params, "comment").value_or("");
    in.category = http::param_string(req.params, "category").value_or("");
    in.forward = http::param_bool(req.params, "forward").value_or(false);
    return http::Response::json(entities::report(services::file_report(ctx, *auth.account, in), render_context(ctx)));
  });
}

}  // namespace agora::api
