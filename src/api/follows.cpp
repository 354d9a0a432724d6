// Follow requests (GET /api/v1/follow_requests, POST …/:id/authorize and
// …/:id/reject) and the followers and following lists of an account.
#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "services/follows.h"

namespace agora::api {

void register_follow_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/follow_requests", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:follows"});
    auto page = services::follow_requests(ctx, *auth.account, account_page_request(req));
    return account_list_response(ctx, req, page);
  });
  router.post("/api/v1/follow_requests/:id/authorize", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:follows"});
    return relationship_response(services::authorize_follow_request(ctx, *auth.account, path_id(req)));
  });
  router.post("/api/v1/follow_requests/:id/reject", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:follows"});
    return relationship_response(services::reject_follow_request(ctx, *auth.account, path_id(req)));
  });

  router.get("/api/v1/accounts/:id/followers", [&ctx](http::Request& req) {
    auto auth = authorize_if_token(ctx, req, {"read:accounts"});
    auto viewer = auth ? auth->account : std::nullopt;
    auto page = services::followers(ctx, viewer, path_id(req), account_page_request(req));
    return account_list_response(ctx, req, page);
  });
  router.get("/api/v1/accounts/:id/following", [&ctx](http::Request& req) {
    auto auth = authorize_if_token(ctx, req, {"read:accounts"});
    auto viewer = auth ? auth->account : std::nullopt;
    auto page = services::following(ctx, viewer, path_id(req), account_page_request(req));
    return account_list_response(ctx, req, page);
  });
}

}  // namespace agora::api
