// Notifications one by one (API v1): GET /api/v1/notifications, GET
// /api/v1/notifications/:id, POST /api/v1/notifications/:id/dismiss, POST
// /api/v1/notifications/clear and GET /api/v1/notifications/unread_count.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/notification_params.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/notification.h"
#include "services/notifications.h"

namespace agora::api {

void register_notification_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/notifications", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    auto page = services::notifications(ctx, *auth.account, notification_query(req),
                                        read_page(req, kDefaultNotificationsLimit, kMaxNotificationsLimit));
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& v : page.items) body.push_back(entities::notification(v, rc));
    auto res = http::Response::json(body);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });

  router.get("/api/v1/notifications/unread_count", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    int limit = limit_param(req, kDefaultUnreadCountLimit, kMaxUnreadCountLimit);
    auto count = services::unread_count(ctx, *auth.account, notification_query(req), limit, false);
    return http::Response::json(boost::json::object{{"count", count}});
  });

  router.get("/api/v1/notifications/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    auto v = services::notification(ctx, *auth.account, path_id(req));
    return http::Response::json(entities::notification(v, render_context(ctx)));
  });

  router.post("/api/v1/notifications/:id/dismiss", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    services::dismiss_notification(ctx, *auth.account, path_id(req));
    return http::Response::json(boost::json::object{});
  });

  router.post("/api/v1/notifications/clear", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    services::clear_notifications(ctx, *auth.account);
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
