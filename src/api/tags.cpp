// Hashtags: GET /api/v1/tags/:name, POST /api/v1/tags/:name/follow and
// /unfollow, GET /api/v1/followed_tags; featured tags: GET/POST
// /api/v1/featured_tags, DELETE /api/v1/featured_tags/:id,
// GET /api/v1/featured_tags/suggestions, GET /api/v1/accounts/:id/featured_tags.
#include <boost/json.hpp>

#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "core/errors.h"
#include "entities/tag.h"
#include "http/params.h"
#include "services/tags.h"

namespace agora::api {

namespace json = boost::json;

namespace {

// Mastodon's FollowedTagsController: 100 by default, up to 200.
constexpr int kDefaultFollowedTags = 100;
constexpr int kMaxFollowedTags = 200;

http::Response tag_response(const services::Context& ctx, const model::TagView& v) {
  return http::Response::json(entities::tag(v, render_context(ctx)));
}

http::Response featured_list(const services::Context& ctx, const std::vector<model::FeaturedTag>& list) {
  auto rc = render_context(ctx);
  json::array out;
  for (const auto& f : list) out.push_back(entities::featured_tag(f, rc));
  return http::Response::json(out);
}

std::string tag_name(const http::Request& req) { return std::string(req.path_param("name")); }

}  // namespace

void register_tag_routes(http::Router& router, services::Context& ctx) {
  namespace tags = services::tags;
  router.get("/api/v1/tags/:name", [&ctx](http::Request& req) {
    auto auth = optional_auth(ctx, req);
    return tag_response(ctx, tags::show(ctx, tag_name(req), auth ? auth->account : std::nullopt));
  });
  router.post("/api/v1/tags/:name/follow", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:follows"});
    return tag_response(ctx, tags::follow(ctx, tag_name(req), *auth.account));
  });
  router.post("/api/v1/tags/:name/unfollow", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:follows"});
    return tag_response(ctx, tags::unfollow(ctx, tag_name(req), *auth.account));
  });
  router.get("/api/v1/followed_tags", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:follows"});
    auto page = tags::followed(ctx, *auth.account, read_page(req, kDefaultFollowedTags, kMaxFollowedTags));
    auto rc = render_context(ctx);
    json::array out;
    for (const auto& v : page.items) out.push_back(entities::tag(v, rc));
    auto res = http::Response::json(out);
    add_page_links(res, ctx, req, page);
    return res;
  });

  router.get("/api/v1/featured_tags", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts"});
    return featured_list(ctx, tags::featured(ctx, *auth.account));
  });
  router.post("/api/v1/featured_tags", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:accounts"});
    auto name = http::param_string(req.params, "name");
    if (!name || name->empty()) throw Error::bad_request("param is missing or the value is empty: name");
    return http::Response::json(entities::featured_tag(tags::feature(ctx, *auth.account, *name), render_context(ctx)));
  });
  router.get("/api/v1/featured_tags/suggestions", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts"});
    auto rc = render_context(ctx);
    json::array out;
    for (const auto& v : tags::suggestions(ctx, *auth.account)) out.push_back(entities::tag(v, rc));
    return http::Response::json(out);
  });
  router.del("/api/v1/featured_tags/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:accounts"});
    tags::unfeature(ctx, *auth.account, path_id(req));
    return http::Response::json(json::object());
  });
  router.get("/api/v1/accounts/:id/featured_tags", [&ctx](http::Request& req) {
    authorize_if_token(ctx, req, {"read:accounts"});
    return featured_list(ctx, tags::featured_of(ctx, req.path_param("id")));
  });
}

}  // namespace agora::api
