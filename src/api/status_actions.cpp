// What a member does to a status: POST /api/v1/statuses/:id/(un)favourite,
// (un)reblog, (un)bookmark, (un)pin, (un)mute; and who favourited or
// boosted it: GET /api/v1/statuses/:id/favourited_by and /reblogged_by.
#include "api/account_lists.h"
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "entities/status.h"
#include "http/params.h"
#include "services/interaction_lists.h"
#include "services/status_actions.h"

namespace agora::api {

namespace {

using Action = model::StatusView (*)(services::Context&, const model::Account&, int64_t);

// One POST /api/v1/statuses/:id/<name> answering the status afterwards.
void action(http::Router& router, services::Context& ctx, const std::string& name, const char* scope, Action act) {
  router.post("/api/v1/statuses/:id/" + name, [&ctx, scope, act](http::Request& req) {
    auto auth = require_user(ctx, req, {scope});
    auto view = act(ctx, *auth.account, path_id(req));
    return http::Response::json(entities::status(view, render_context(ctx)));
  });
}

std::optional<int64_t> viewer_of(const std::optional<services::Auth>& auth) {
  if (auth && auth->account) return auth->account->id;
  return std::nullopt;
}

}  // namespace

void register_status_action_routes(http::Router& router, services::Context& ctx) {
  action(router, ctx, "favourite", "write:favourites", services::favourite);
  action(router, ctx, "unfavourite", "write:favourites", services::unfavourite);
  action(router, ctx, "unreblog", "write:statuses", services::unreblog);
  action(router, ctx, "bookmark", "write:bookmarks", services::bookmark);
  action(router, ctx, "unbookmark", "write:bookmarks", services::unbookmark);
  action(router, ctx, "pin", "write:accounts", services::pin);
  action(router, ctx, "unpin", "write:accounts", services::unpin);
  action(router, ctx, "mute", "write:mutes", services::mute_conversation);
  action(router, ctx, "unmute", "write:mutes", services::unmute_conversation);

  router.post("/api/v1/statuses/:id/reblog", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    auto view = services::reblog(ctx, *auth.account, path_id(req), http::param_string(req.params, "visibility"));
    return http::Response::json(entities::status(view, render_context(ctx)));
  });

  router.get("/api/v1/statuses/:id/favourited_by", [&ctx](http::Request& req) {
    auto viewer = viewer_of(authorize_if_token(ctx, req, {"read:accounts"}));
    return account_list_response(ctx, req,
                                 services::favourited_by(ctx, viewer, path_id(req), account_page_request(req)));
  });
  router.get("/api/v1/statuses/:id/reblogged_by", [&ctx](http::Request& req) {
    auto viewer = viewer_of(authorize_if_token(ctx, req, {"read:accounts"}));
    return account_list_response(ctx, req,
                                 services::reblogged_by(ctx, viewer, path_id(req), account_page_request(req)));
  });
}

}  // namespace agora::api
