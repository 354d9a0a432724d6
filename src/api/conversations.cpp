// Direct-message threads: GET /api/v1/conversations, POST
// /api/v1/conversations/:id/read, DELETE /api/v1/conversations/:id.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/conversation.h"
#include "services/conversations.h"

namespace agora::api {

namespace {

// Mastodon's ConversationsController LIMIT; clients may ask for up to twice as many.
constexpr int kConversationsLimit = 20;

}  // namespace

void register_conversation_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/conversations", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:statuses"});
    auto page = services::list_conversations(ctx, *auth.account,
                                             read_page(req, kConversationsLimit, 2 * kConversationsLimit));
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& c : page.items) body.push_back(entities::conversation(c, rc));
    auto res = http::Response::json(body);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });

  router.post("/api/v1/conversations/:id/read", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:conversations"});
    auto c = services::read_conversation(ctx, *auth.account, path_id(req));
    return http::Response::json(entities::conversation(c, render_context(ctx)));
  });

  router.del("/api/v1/conversations/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:conversations"});
    services::remove_conversation(ctx, *auth.account, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
