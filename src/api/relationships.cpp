// GET /api/v1/accounts/relationships and /familiar_followers, and the
// actions on another account that answer with a Relationship: follow,
// unfollow, remove_from_followers, block, unblock, mute, unmute, note, and
// pin/unpin (named endorse/unendorse since Mastodon 4.4).
#include <boost/json.hpp>

#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "entities/relationship.h"
#include "http/params.h"
#include "services/blocks.h"
#include "services/endorsements.h"
#include "services/follows.h"
#include "services/mutes.h"
#include "services/relationships.h"

namespace agora::api {

namespace {

model::FollowOptions follow_options(const http::Request& req) {
  model::FollowOptions o;
  o.reblogs = http::param_bool(req.params, "reblogs");
  o.notify = http::param_bool(req.params, "notify");
  if (auto it = req.params.find("languages"); it != req.params.end() && !it->value().is_null()) {
    std::vector<std::string> languages;
    for (auto& code : http::param_list(req.params, "languages"))
      if (!code.empty()) languages.push_back(std::move(code));
    o.languages = std::move(languages);
  }
  return o;
}

using Action = model::Relationship (*)(services::Context&, const model::Account&, int64_t);

// POST /api/v1/accounts/:id/<name> answering the Relationship after `action`.
void action_route(http::Router& router, services::Context& ctx, const std::string& name, const char* scope,
                  Action action) {
  router.post("/api/v1/accounts/:id/" + name, [&ctx, scope, action](http::Request& req) {
    auto auth = require_user(ctx, req, {scope});
    return relationship_response(action(ctx, *auth.account, path_id(req)));
  });
}

}  // namespace

void register_relationship_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/accounts/relationships", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:follows"});
    bool with_suspended = http::param_bool(req.params, "with_suspended").value_or(false);
    boost::json::array body;
    for (const auto& r : services::relationships(ctx, auth.account->id, id_list_param(req, "id"), with_suspended))
      body.push_back(entities::relationship(r));
    return http::Response::json(body);
  });

  router.get("/api/v1/accounts/familiar_followers", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:follows"});
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& f : services::familiar_followers(ctx, auth.account->id, id_list_param(req, "id")))
      body.push_back(entities::familiar_followers(f, rc));
    return http::Response::json(body);
  });

  router.post("/api/v1/accounts/:id/follow", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:follows"});
    return relationship_response(services::follow(ctx, *auth.account, path_id(req), follow_options(req)));
  });
  action_route(router, ctx, "unfollow", "write:follows", services::unfollow);
  action_route(router, ctx, "remove_from_followers", "write:follows", services::remove_from_followers);
  action_route(router, ctx, "block", "write:blocks", services::block);
  action_route(router, ctx, "unblock", "write:blocks", services::unblock);
  action_route(router, ctx, "unmute", "write:mutes", services::unmute);
  for (const char* name : {"pin", "endorse"}) action_route(router, ctx, name, "write:accounts", services::endorse);
  for (const char* name : {"unpin", "unendorse"})
    action_route(router, ctx, name, "write:accounts", services::unendorse);

  router.post("/api/v1/accounts/:id/mute", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:mutes"});
    auto notifications = http::param_bool(req.params, "notifications");
    int64_t duration = lenient_int_param(req, "duration");
    return relationship_response(services::mute(ctx, *auth.account, path_id(req), notifications, duration));
  });

  router.post("/api/v1/accounts/:id/note", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:accounts"});
    std::string comment = http::param_string(req.params, "comment").value_or("");
    return relationship_response(services::set_account_note(ctx, *auth.account, path_id(req), comment));
  });
}

}  // namespace agora::api
