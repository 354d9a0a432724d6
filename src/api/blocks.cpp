// GET /api/v1/blocks, and the member's own domain blocks:
// GET/POST/DELETE /api/v1/domain_blocks.
#include <boost/json.hpp>

#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/pagination.h"
#include "http/params.h"
#include "services/blocks.h"

namespace agora::api {

namespace {
// Mastodon's DomainBlocksController::BLOCK_LIMIT.
constexpr int kDomainBlocksLimit = 100;
}  // namespace

void register_block_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/blocks", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:blocks"});
    return account_list_response(ctx, req, services::blocks(ctx, *auth.account, account_page_request(req)));
  });

  router.get("/api/v1/domain_blocks", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:blocks"});
    auto page = services::domain_blocks(ctx, *auth.account, read_page(req, kDomainBlocksLimit, 2 * kDomainBlocksLimit));
    boost::json::array body;
    for (const auto& domain : page.items) body.emplace_back(domain);
    auto res = http::Response::json(body);
    add_page_links(res, ctx, req, page);
    return res;
  });
  router.post("/api/v1/domain_blocks", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:blocks"});
    services::block_domain(ctx, *auth.account, http::param_string(req.params, "domain").value_or(""));
    return http::Response::json(boost::json::object());
  });
  router.del("/api/v1/domain_blocks", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:blocks"});
    services::unblock_domain(ctx, *auth.account, http::param_string(req.params, "domain").value_or(""));
    return http::Response::json(boost::json::object());
  });
}

}  // namespace agora::api
