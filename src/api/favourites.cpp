// The member's own collections of statuses: GET /api/v1/favourites and
// /api/v1/bookmarks, paged by the favourite's or bookmark's id.
#include "api/api.h"
#include "api/auth.h"
#include "api/status_lists.h"
#include "services/interaction_lists.h"

namespace agora::api {

void register_favourites_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/favourites", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:favourites"});
    return status_list_response(ctx, req, services::favourites(ctx, *auth.account, status_page_request(req)));
  });
  router.get("/api/v1/bookmarks", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:bookmarks"});
    return status_list_response(ctx, req, services::bookmarks(ctx, *auth.account, status_page_request(req)));
  });
}

}  // namespace agora::api
