// Grouped notifications (API v2): GET /api/v2/notifications, GET
// /api/v2/notifications/unread_count, GET /api/v2/notifications/:group_key,
// POST /api/v2/notifications/:group_key/dismiss and GET
// /api/v2/notifications/:group_key/accounts.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/notification_params.h"
#include "api/pagination.h"
#include "api/render.h"
#include "core/errors.h"
#include "entities/account.h"
#include "entities/notification.h"
#include "http/params.h"
#include "services/notifications.h"

namespace agora::api {

namespace {

// Mastodon's expand_accounts: "full" (the default) or "partial_avatars".
bool partial_avatars(const http::Request& req) {
  auto value = http::param_string(req.params, "expand_accounts");
  if (!value || *value == "full") return false;
  if (*value == "partial_avatars") return true;
  throw Error::bad_request("Invalid value for 'expand_accounts': '" + value->substr(0, 100) +
                           "', allowed values are 'full' and 'partial_avatars'");
}

std::string group_key(const http::Request& req) {
  auto key = std::string(req.path_param("group_key"));
  if (key.size() > 200) throw Error::not_found();
  return key;
}

}  // namespace

void register_grouped_notification_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v2/notifications", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    bool partial = partial_avatars(req);
    auto grouped = services::grouped_notifications(ctx, *auth.account, notification_query(req),
                                                   read_page(req, kDefaultNotificationsLimit, kMaxNotificationsLimit));
    auto res = http::Response::json(entities::grouped_notifications(grouped, partial, render_context(ctx)));
    add_link_header(res, ctx.config.base_url(), req, grouped.oldest_id, grouped.newest_id, "min_id");
    return res;
  });

  router.get("/api/v2/notifications/unread_count", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    int limit = limit_param(req, kDefaultUnreadCountLimit, kMaxUnreadCountLimit);
    auto count = services::unread_count(ctx, *auth.account, notification_query(req), limit, true);
    return http::Response::json(boost::json::object{{"count", count}});
  });

  router.get("/api/v2/notifications/:group_key", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    auto grouped = services::notification_group(ctx, *auth.account, group_key(req));
    return http::Response::json(entities::grouped_notifications(grouped, false, render_context(ctx)));
  });

  router.post("/api/v2/notifications/:group_key/dismiss", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    services::dismiss_notification_group(ctx, *auth.account, group_key(req));
    return http::Response::json(boost::json::object{});
  });

  router.get("/api/v2/notifications/:group_key/accounts", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    int limit = limit_param(req, kDefaultNotificationsLimit, kMaxNotificationsLimit);
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& a : services::notification_group_accounts(ctx, *auth.account, group_key(req), limit))
      body.push_back(entities::account(a, rc));
    return http::Response::json(body);
  });
}

}  // namespace agora::api
