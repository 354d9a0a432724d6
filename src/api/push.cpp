// /api/v1/push/subscription: the Web Push subscription of the calling access token.
#include "api/api.h"
#include "api/auth.h"
#include "core/errors.h"
#include "entities/web_push.h"
#include "http/params.h"
#include "services/web_push.h"

namespace agora::api {

namespace {

namespace json = boost::json;

const json::object* object_param(const json::object& p, std::string_view key) {
  auto it = p.find(key);
  return it != p.end() && it->value().is_object() ? &it->value().as_object() : nullptr;
}

// data[alerts][<type>] and data[policy], as Mastodon permits them (other keys
// are ignored). Mastodon.py sends `policy` beside `data`; it is read as well.
services::web_push::Data data_param(const json::object& params) {
  services::web_push::Data data;
  const json::object* d = object_param(params, "data");
  if (d) {
    if (const json::object* alerts = object_param(*d, "alerts"))
      for (std::string_view type : services::web_push::alert_types())
        if (auto on = http::param_bool(*alerts, type)) data.alerts.emplace_back(std::string(type), *on);
    data.policy = http::param_string(*d, "policy");
  }
  if (!data.policy) data.policy = http::param_string(params, "policy");
  if (data.policy && data.policy->empty()) data.policy.reset();
  return data;
}

http::Response render(services::Context& ctx, const model::PushSubscription& s) {
  return http::Response::json(entities::web_push_subscription(s, services::web_push::vapid_public_key(ctx)));
}

}  // namespace

void register_push_routes(http::Router& router, services::Context& ctx) {
  router.post("/api/v1/push/subscription", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"push"});
    const json::object* subscription = object_param(req.params, "subscription");
    if (!subscription) throw Error::bad_request("param is missing or the value is empty: subscription");
    services::web_push::NewSubscription request;
    request.endpoint = http::param_string(*subscription, "endpoint").value_or("");
    if (const json::object* keys = object_param(*subscription, "keys")) {
      request.p256dh = http::param_string(*keys, "p256dh").value_or("");
      request.auth = http::param_string(*keys, "auth").value_or("");
    }
    request.standard = http::param_bool(*subscription, "standard").value_or(false);
    request.data = data_param(req.params);
    return render(ctx, services::web_push::subscribe(ctx, auth, bearer_token(req).value_or(""), request));
  });

  router.get("/api/v1/push/subscription", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"push"});
    return render(ctx, services::web_push::show(ctx, auth));
  });

  router.put("/api/v1/push/subscription", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"push"});
    return render(ctx, services::web_push::update(ctx, auth, data_param(req.params)));
  });

  router.del("/api/v1/push/subscription", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"push"});
    services::web_push::unsubscribe(ctx, auth);
    return http::Response::json(json::object{});
  });
}

}  // namespace agora::api
