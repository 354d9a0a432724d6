// The admin dashboard: Mastodon's POST /api/v1/admin/measures, /dimensions
// and /retention, and agora's GET /api/v1/admin/queues (the job queue).
#include "api/admin_auth.h"
#include "api/api.h"
#include "core/errors.h"
#include "entities/admin_metrics.h"
#include "http/params.h"
#include "services/admin_metrics.h"
#include "services/admin_overview.h"

namespace agora::api {

namespace {

constexpr std::string_view kDashboardScope = "admin:read";

services::MetricsRequest metrics_request(const http::Request& req) {
  const auto& p = req.params;
  services::MetricsRequest in;
  in.keys = http::param_list(p, "keys");
  if (in.keys.size() > 50) throw Error::bad_request("Too many keys");
  in.start_at = http::param_string(p, "start_at").value_or("");
  in.end_at = http::param_string(p, "end_at").value_or("");
  in.limit = http::param_int(p, "limit");
  // "<key>[id]" and "<key>[domain]" say what a tag_* or instance_* key is about.
  for (const auto& key : in.keys) {
    auto it = p.find(key);
    if (it == p.end() || !it->value().is_object()) continue;
    const auto& sub = it->value().as_object();
    if (auto id = http::param_string(sub, "id")) in.tag_ids[key] = *id;
    if (auto domain = http::param_string(sub, "domain")) in.domains[key] = *domain;
  }
  return in;
}

template <class T, class Render>
http::Response json_list(const std::vector<T>& items, Render render) {
  boost::json::array out;
  for (const auto& item : items) out.push_back(render(item));
  return http::Response::json(out);
}

}  // namespace

void register_admin_dashboard_routes(http::Router& router, services::Context& ctx) {
  router.post("/api/v1/admin/measures", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kDashboardScope);
    return json_list(services::admin_measures(ctx, staff, metrics_request(req)), entities::admin_measure);
  });
  router.post("/api/v1/admin/dimensions", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kDashboardScope);
    return json_list(services::admin_dimensions(ctx, staff, metrics_request(req)), entities::admin_dimension);
  });
  router.post("/api/v1/admin/retention", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kDashboardScope);
    const auto& p = req.params;
    auto cohorts = services::admin_retention(ctx, staff, http::param_string(p, "start_at").value_or(""),
                                             http::param_string(p, "end_at").value_or(""),
                                             http::param_string(p, "frequency").value_or("day"));
    return json_list(cohorts, entities::admin_cohort);
  });
  router.get("/api/v1/admin/queues", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kDashboardScope);
    boost::json::array out;
    for (const auto& q : services::admin_job_queues(ctx, staff))
      out.push_back({{"queue", q.queue}, {"kind", q.kind}, {"waiting", q.waiting}, {"dead", q.dead}});
    return http::Response::json(out);
  });
}

}  // namespace agora::api
