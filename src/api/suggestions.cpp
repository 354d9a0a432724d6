// Follow suggestions (GET /api/v2/suggestions, GET /api/v1/suggestions,
// DELETE …/suggestions/:account_id) and the profile directory (GET /api/v1/directory).
#include <boost/json.hpp>

#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "entities/account.h"
#include "entities/relationship.h"
#include "http/params.h"
#include "services/suggestions.h"

namespace agora::api {

namespace {

std::vector<model::Suggestion> suggestions_for(services::Context& ctx, http::Request& req,
                                               const services::Auth& auth) {
  auto page = account_page_request(req);
  return services::suggestions(ctx, *auth.account, page.limit, lenient_int_param(req, "offset"));
}

http::Response dismiss(services::Context& ctx, http::Request& req) {
  auto auth = require_user(ctx, req, {"write:accounts"});
  services::dismiss_suggestion(ctx, *auth.account, path_id(req, "account_id"));
  return http::Response::json(boost::json::object());
}

}  // namespace

void register_suggestion_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v2/suggestions", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts"});
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& s : suggestions_for(ctx, req, auth)) body.push_back(entities::suggestion(s, rc));
    return http::Response::json(body);
  });
  router.get("/api/v1/suggestions", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts"});
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& s : suggestions_for(ctx, req, auth)) body.push_back(entities::account(s.account, rc));
    return http::Response::json(body);
  });
  router.del("/api/v1/suggestions/:account_id", [&ctx](http::Request& req) { return dismiss(ctx, req); });
  router.del("/api/v2/suggestions/:account_id", [&ctx](http::Request& req) { return dismiss(ctx, req); });

  router.get("/api/v1/directory", [&ctx](http::Request& req) {
    auto auth = optional_auth(ctx, req);
    services::DirectoryQuery q;
    q.offset = lenient_int_param(req, "offset");
    q.limit = account_page_request(req).limit;
    q.newest_first = http::param_string(req.params, "order") == "new";
    q.local_only = http::param_bool(req.params, "local").value_or(false);
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& a : services::directory(ctx, auth ? auth->account : std::nullopt, q))
      body.push_back(entities::account(a, rc));
    return http::Response::json(body);
  });
}

}  // namespace agora::api
