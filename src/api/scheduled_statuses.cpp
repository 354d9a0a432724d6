// Scheduled statuses: GET /api/v1/scheduled_statuses, GET, PUT and DELETE
// /api/v1/scheduled_statuses/:id.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/scheduled_status.h"
#include "http/params.h"
#include "services/scheduled_statuses.h"

namespace agora::api {

namespace {
// Mastodon's DEFAULT_STATUSES_LIMIT; clients may ask for up to twice as many.
constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 2 * kDefaultLimit;
}  // namespace

void register_scheduled_status_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/scheduled_statuses", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:statuses"});
    auto page = services::scheduled_statuses(ctx, *auth.account, read_page(req, kDefaultLimit, kMaxLimit));
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& s : page.items) body.push_back(entities::scheduled_status(s, rc));
    auto res = http::Response::json(body);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });

  router.get("/api/v1/scheduled_statuses/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:statuses"});
    auto s = services::scheduled_status(ctx, *auth.account, path_id(req));
    return http::Response::json(entities::scheduled_status(s, render_context(ctx)));
  });

  router.put("/api/v1/scheduled_statuses/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    auto s = services::reschedule_status(ctx, *auth.account, path_id(req),
                                         http::param_string(req.params, "scheduled_at"));
    return http::Response::json(entities::scheduled_status(s, render_context(ctx)));
  });

  router.del("/api/v1/scheduled_statuses/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    services::cancel_scheduled_status(ctx, *auth.account, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
