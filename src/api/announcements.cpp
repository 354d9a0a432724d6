// GET /api/v1/announcements, POST /api/v1/announcements/:id/dismiss,
// PUT and DELETE /api/v1/announcements/:id/reactions/:name.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "entities/announcement.h"
#include "http/params.h"
#include "services/announcements.h"

namespace agora::api {

namespace {
http::Response empty() { return http::Response::json(boost::json::object()); }
}  // namespace

void register_announcement_routes(http::Router& router, services::Context& ctx) {
  namespace announcements = services::announcements;
  router.get("/api/v1/announcements", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read"});
    bool with_dismissed = http::param_bool(req.params, "with_dismissed").value_or(false);
    auto rc = render_context(ctx);
    boost::json::array out;
    for (const auto& a : announcements::active(ctx, *auth.account, with_dismissed))
      out.push_back(entities::announcement(a, rc));
    return http::Response::json(out);
  });
  router.post("/api/v1/announcements/:id/dismiss", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:accounts"});
    announcements::dismiss(ctx, *auth.account, path_id(req));
    return empty();
  });
  router.put("/api/v1/announcements/:id/reactions/:name", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:favourites"});
    announcements::react(ctx, *auth.account, path_id(req), std::string(req.path_param("name")));
    return empty();
  });
  router.del("/api/v1/announcements/:id/reactions/:name", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:favourites"});
    announcements::unreact(ctx, *auth.account, path_id(req), std::string(req.path_param("name")));
    return empty();
  });
}

}  // namespace agora::api
