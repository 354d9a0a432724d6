// Polls: GET /api/v1/polls/:id and POST /api/v1/polls/:id/votes.
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "entities/status.h"
#include "http/params.h"
#include "services/polls.h"

namespace agora::api {

void register_poll_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/polls/:id", [&ctx](http::Request& req) {
    auto auth = authorize_if_token(ctx, req, {"read:statuses"});
    std::optional<int64_t> viewer;
    if (auth && auth->account) viewer = auth->account->id;
    return http::Response::json(entities::poll(services::show_poll(ctx, viewer, path_id(req))));
  });

  router.post("/api/v1/polls/:id/votes", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    auto choices = http::param_list(req.params, "choices");
    return http::Response::json(entities::poll(services::vote(ctx, *auth.account, path_id(req), choices)));
  });
}

}  // namespace agora::api
