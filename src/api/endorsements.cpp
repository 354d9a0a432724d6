// GET /api/v1/endorsements (the member's own) and, as Mastodon 4.4,
// GET /api/v1/accounts/:id/endorsements (anyone's, public).
#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "http/params.h"
#include "services/endorsements.h"

namespace agora::api {

void register_endorsement_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/endorsements", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts"});
    auto page = account_page_request(req);
    if (http::param_string(req.params, "limit") == "0") page.limit = 0;  // Mastodon: all of them, unpaged
    return account_list_response(ctx, req, services::endorsements(ctx, *auth.account, page));
  });
  router.get("/api/v1/accounts/:id/endorsements", [&ctx](http::Request& req) {
    authorize_if_token(ctx, req, {"read:accounts"});
    return account_list_response(ctx, req, services::endorsements_of(ctx, path_id(req), account_page_request(req)));
  });
}

}  // namespace agora::api
