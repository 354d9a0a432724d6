// The notification policy (GET/PATCH /api/v2/notifications/policy, and v1's
// GET/PUT /api/v1/notifications/policy) and notification requests
// (/api/v1/notifications/requests …): senders the policy held back.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/notification_params.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/notification.h"
#include "http/params.h"
#include "services/notification_requests.h"

namespace agora::api {

namespace {

services::PolicyChange v2_change(const http::Request& req) {
  services::PolicyChange c;
  c.for_not_following = http::param_string(req.params, "for_not_following");
  c.for_not_followers = http::param_string(req.params, "for_not_followers");
  c.for_new_accounts = http::param_string(req.params, "for_new_accounts");
  c.for_private_mentions = http::param_string(req.params, "for_private_mentions");
  c.for_limited_accounts = http::param_string(req.params, "for_limited_accounts");
  return c;
}

// v1 says true (filter) or false (accept).
std::optional<std::string> v1_value(const http::Request& req, std::string_view key) {
  auto b = http::param_bool(req.params, key);
  if (!b) return std::nullopt;
  return std::string(*b ? "filter" : "accept");
}

services::PolicyChange v1_change(const http::Request& req) {
  services::PolicyChange c;
  c.for_not_following = v1_value(req, "filter_not_following");
  c.for_not_followers = v1_value(req, "filter_not_followers");
  c.for_new_accounts = v1_value(req, "filter_new_accounts");
  c.for_private_mentions = v1_value(req, "filter_private_mentions");
  return c;
}

http::Response empty() { return http::Response::json(boost::json::object{}); }

}  // namespace

void register_notification_request_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v2/notifications/policy", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    return http::Response::json(entities::notification_policy(services::notification_policy(ctx, *auth.account)));
  });
  auto update_v2 = [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    auto p = services::update_notification_policy(ctx, *auth.account, v2_change(req));
    return http::Response::json(entities::notification_policy(p));
  };
  router.patch("/api/v2/notifications/policy", update_v2);
  router.put("/api/v2/notifications/policy", update_v2);

  router.get("/api/v1/notifications/policy", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    return http::Response::json(entities::notification_policy_v1(services::notification_policy(ctx, *auth.account)));
  });
  auto update_v1 = [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    auto p = services::update_notification_policy(ctx, *auth.account, v1_change(req));
    return http::Response::json(entities::notification_policy_v1(p));
  };
  router.patch("/api/v1/notifications/policy", update_v1);
  router.put("/api/v1/notifications/policy", update_v1);

  router.get("/api/v1/notifications/requests", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    auto page = services::notification_requests(ctx, *auth.account,
                                                read_page(req, kDefaultNotificationsLimit, kMaxNotificationsLimit));
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& v : page.items) body.push_back(entities::notification_request(v, rc));
    auto res = http::Response::json(body);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });

  // Accepting moves notifications back at once, so they are always merged.
  router.get("/api/v1/notifications/requests/merged", [&ctx](http::Request& req) {
    require_user(ctx, req, {"read:notifications"});
    return http::Response::json(boost::json::object{{"merged", true}});
  });

  router.post("/api/v1/notifications/requests/accept", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    services::accept_notification_requests(ctx, *auth.account, id_list_param(req, "id"), false);
    return empty();
  });

  router.post("/api/v1/notifications/requests/dismiss", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    services::dismiss_notification_requests(ctx, *auth.account, id_list_param(req, "id"), false);
    return empty();
  });

  router.get("/api/v1/notifications/requests/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:notifications"});
    auto v = services::notification_request(ctx, *auth.account, path_id(req));
    return http::Response::json(entities::notification_request(v, render_context(ctx)));
  });

  router.post("/api/v1/notifications/requests/:id/accept", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    services::accept_notification_requests(ctx, *auth.account, {path_id(req)}, true);
    return empty();
  });

  router.post("/api/v1/notifications/requests/:id/dismiss", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:notifications"});
    services::dismiss_notification_requests(ctx, *auth.account, {path_id(req)}, true);
    return empty();
  });
}

}  // namespace agora::api
