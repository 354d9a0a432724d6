// Lists: /api/v1/lists, their members, and GET /api/v1/accounts/:id/lists.
#include <boost/json.hpp>

#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "entities/list.h"
#include "http/params.h"
#include "services/lists.h"

namespace agora::api {

namespace {

services::ListChanges list_changes(const http::Request& req) {
  return {http::param_string(req.params, "title"), http::param_string(req.params, "replies_policy"),
          http::param_bool(req.params, "exclusive")};
}

http::Response list_response(const model::List& l) { return http::Response::json(entities::list(l)); }

http::Response lists_response(const std::vector<model::List>& lists) {
  boost::json::array body;
  for (const auto& l : lists) body.push_back(entities::list(l));
  return http::Response::json(body);
}

// account_ids[]: as Rails' Account.find, any id that is no id is a 404.
std::vector<int64_t> account_ids(const http::Request& req) {
  std::vector<int64_t> out;
  for (const auto& text : http::param_list(req.params, "account_ids")) {
    auto id = parse_id(text);
    if (!id) throw Error::not_found();
    out.push_back(*id);
  }
  return out;
}

}  // namespace

void register_list_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/lists", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:lists"});
    return lists_response(services::lists(ctx, *auth.account));
  });
  router.post("/api/v1/lists", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:lists"});
    return list_response(services::create_list(ctx, *auth.account, list_changes(req)));
  });
  router.get("/api/v1/lists/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:lists"});
    return list_response(services::list(ctx, *auth.account, path_id(req)));
  });
  router.put("/api/v1/lists/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:lists"});
    return list_response(services::update_list(ctx, *auth.account, path_id(req), list_changes(req)));
  });
  router.del("/api/v1/lists/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:lists"});
    services::delete_list(ctx, *auth.account, path_id(req));
    return http::Response::json(boost::json::object());
  });

  router.get("/api/v1/lists/:id/accounts", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:lists"});
    auto page = account_page_request(req);
    if (http::param_string(req.params, "limit") == "0") page.limit = 0;  // Mastodon: all of them, unpaged
    return account_list_response(ctx, req, services::list_members(ctx, *auth.account, path_id(req), page));
  });
  router.post("/api/v1/lists/:id/accounts", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:lists"});
    services::add_list_members(ctx, *auth.account, path_id(req), account_ids(req));
    return http::Response::json(boost::json::object());
  });
  router.del("/api/v1/lists/:id/accounts", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:lists"});
    services::remove_list_members(ctx, *auth.account, path_id(req), id_list_param(req, "account_ids"));
    return http::Response::json(boost::json::object());
  });

  router.get("/api/v1/accounts/:id/lists", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:lists"});
    return lists_response(services::lists_with_account(ctx, *auth.account, path_id(req)));
  });
}

}  // namespace agora::api
