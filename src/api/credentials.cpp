// The signed-in member's own account: GET /api/v1/accounts/verify_credentials,
// PATCH /api/v1/accounts/update_credentials, DELETE /api/v1/profile/avatar
// and /api/v1/profile/header, GET /api/v1/preferences.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/render.h"
#include "entities/account.h"
#include "entities/preferences.h"
#include "http/params.h"
#include "services/profile.h"

namespace agora::api {

namespace {

namespace json = boost::json;

http::Response credential_json(const services::Credentials& c, services::Context& ctx) {
  return http::Response::json(
      entities::credential_account(c.account, c.user, c.follow_requests_count, render_context(ctx)));
}

std::string text_of(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : std::string(); }

// fields_attributes[0][name]=…, fields_attributes[][name]=… or JSON, as a list.
std::optional<std::vector<services::ProfileField>> profile_fields(const json::object& params) {
  auto it = params.find("fields_attributes");
  if (it == params.end()) return std::nullopt;
  std::vector<services::ProfileField> out;
  auto add = [&](const json::value& v) {
    if (!v.is_object()) return;
    const auto& o = v.as_object();
    out.push_back({o.contains("name") ? text_of(o.at("name")) : "", o.contains("value") ? text_of(o.at("value")) : ""});
  };
  if (it->value().is_array())
    for (const auto& v : it->value().as_array()) add(v);
  else if (it->value().is_object())
    for (const auto& [key, v] : it->value().as_object()) add(v);
  else
    return std::nullopt;
  return out;
}

services::ProfileUpdate profile_update(const http::Request& req) {
  const auto& p = req.params;
  services::ProfileUpdate u;
  u.display_name = http::param_string(p, "display_name");
  u.note = http::param_string(p, "note");
  u.locked = http::param_bool(p, "locked");
  u.bot = http::param_bool(p, "bot");
  u.discoverable = http::param_bool(p, "discoverable");
  u.indexable = http::param_bool(p, "indexable");
  u.hide_collections = http::param_bool(p, "hide_collections");
  u.fields = profile_fields(p);
  if (const auto* f = req.upload("avatar")) u.avatar = f->data;
  if (const auto* f = req.upload("header")) u.header = f->data;
  if (auto it = p.find("source"); it != p.end() && it->value().is_object()) {
    const auto& source = it->value().as_object();
    u.privacy = http::param_string(source, "privacy");
    u.sensitive = http::param_bool(source, "sensitive");
    u.language = http::param_string(source, "language");
  }
  return u;
}

}  // namespace

void register_credentials_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/accounts/verify_credentials", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts", "profile"});
    return credential_json(services::credentials(ctx, auth), ctx);
  });

  auto update = [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:accounts"});
    return credential_json(services::update_profile(ctx, auth, profile_update(req)), ctx);
  };
  router.patch("/api/v1/accounts/update_credentials", update);
  router.put("/api/v1/accounts/update_credentials", update);  // Rails routes both to update

  for (auto [path, which] : {std::pair{"/api/v1/profile/avatar", services::ProfileImage::avatar},
                             std::pair{"/api/v1/profile/header", services::ProfileImage::header}}) {
    router.del(path, [&ctx, which](http::Request& req) {
      auto auth = require_user(ctx, req, {"write:accounts"});
      return credential_json(services::remove_profile_image(ctx, auth, which), ctx);
    });
  }

  router.get("/api/v1/preferences", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts"});
    auto c = services::credentials(ctx, auth);
    return http::Response::json(entities::preferences(c.account, c.user));
  });
}

}  // namespace agora::api
