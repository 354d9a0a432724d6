// GET /api/v1/mutes: muted accounts, each with mute_expires_at.
#include <boost/json.hpp>

#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/render.h"
#include "entities/relationship.h"
#include "services/mutes.h"

namespace agora::api {

void register_mute_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/mutes", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:mutes"});
    auto page = services::mutes(ctx, *auth.account, account_page_request(req));
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& m : page.items) body.push_back(entities::muted_account(m, rc));
    auto res = http::Response::json(body);
    add_page_links(res, ctx, req, page);
    return res;
  });
}

}  // namespace agora::api
