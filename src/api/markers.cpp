// GET and POST /api/v1/markers.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "entities/list.h"
#include "http/params.h"
#include "services/markers.h"

namespace agora::api {

namespace {

// home[last_read_id]=…, in the order sent (the answer keeps it).
std::vector<services::MarkerUpdate> marker_updates(const http::Request& req) {
  std::vector<services::MarkerUpdate> out;
  for (const auto& [key, value] : req.params) {
    if (key != "home" && key != "notifications") continue;
    if (!value.is_object()) continue;  // not permitted by Rails: ignored
    services::MarkerUpdate u{std::string(key), std::nullopt};
    if (const auto* id = value.as_object().if_contains("last_read_id")) {
      if (id->is_string()) u.last_read_id = std::string(id->as_string());
      else if (id->is_int64()) u.last_read_id = std::to_string(id->as_int64());
      else if (id->is_uint64()) u.last_read_id = std::to_string(id->as_uint64());
    }
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

void register_marker_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/markers", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:statuses"});
    auto timelines = http::param_list(req.params, "timeline");
    return http::Response::json(entities::markers(services::markers(ctx, *auth.account, timelines)));
  });
  router.post("/api/v1/markers", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    return http::Response::json(entities::markers(services::save_markers(ctx, *auth.account, marker_updates(req))));
  });
}

}  // namespace agora::api
