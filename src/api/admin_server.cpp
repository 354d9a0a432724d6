// agora's admin endpoints for the server's configuration, which Mastodon
// keeps in Rails forms: /api/v1/admin/settings, /api/v1/admin/rules and
// /api/v1/admin/roles.
#include "api/admin_auth.h"
#include "api/api.h"
#include "api/ids.h"
#include "api/render.h"
#include "core/errors.h"
#include "entities/user_role.h"
#include "entities/instance.h"
#include "entities/instance_extras.h"
#include "http/params.h"
#include "services/admin_server.h"
#include "services/site_thumbnail.h"

namespace agora::api {

namespace {

constexpr std::string_view kRead = "admin:read", kWrite = "admin:write";

http::Response settings_json(const std::map<std::string, std::string>& settings) {
  boost::json::object out;
  for (const auto& [key, value] : settings) out[key] = value;
  return http::Response::json(out);
}

// Every parameter that names a setting; anything else is refused, so a typo never passes unnoticed.
std::map<std::string, std::string> setting_changes(const http::Request& req) {
  std::map<std::string, std::string> out;
  for (const auto& kv : req.params) {
    std::string k(kv.key());
    const auto& value = kv.value();
    if (k == "access_token") continue;
    if (value.is_string()) out[k] = std::string(value.as_string());
    else if (value.is_bool()) out[k] = value.as_bool() ? "true" : "false";
    else throw Error::unprocessable(k + " must be a string");
  }
  if (out.empty()) throw Error::unprocessable("No settings given");
  return out;
}

services::RoleFields role_fields(const http::Request& req) {
  const auto& p = req.params;
  services::RoleFields in;
  in.name = http::param_string(p, "name");
  in.color = http::param_string(p, "color");
  try {
    in.position = http::param_int(p, "position");
    in.permissions = http::param_int(p, "permissions");
  } catch (const Error&) {
    throw Error::unprocessable("Validation failed: position and permissions must be integers");
  }
  in.highlighted = http::param_bool(p, "highlighted");
  return in;
}

void register_settings(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/settings", [&ctx](http::Request& req) {
    return settings_json(services::admin_settings(ctx, require_staff(ctx, req, kRead)));
  });
  auto change = [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return settings_json(services::change_admin_settings(ctx, staff, setting_changes(req)));
  };
  router.put("/api/v1/admin/settings", change);
  router.patch("/api/v1/admin/settings", change);
  // The server's picture (Mastodon's form field "thumbnail"), answered as /api/v2/instance shows it.
  router.put("/api/v1/admin/settings/thumbnail", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    auto* file = req.upload("file");
    if (!file) throw Error::unprocessable("Validation failed: File can't be blank");
    auto t = services::set_site_thumbnail(ctx, staff, file->data);
    return http::Response::json(entities::instance_thumbnail(t, render_context(ctx)));
  });
  router.del("/api/v1/admin/settings/thumbnail", [&ctx](http::Request& req) {
    services::remove_site_thumbnail(ctx, require_staff(ctx, req, kWrite));
    return http::Response::json(entities::instance_thumbnail(std::nullopt, render_context(ctx)));
  });
}

void register_rules(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/rules", [&ctx](http::Request& req) {
    boost::json::array out;
    for (const auto& r : services::admin_rules(ctx, require_staff(ctx, req, kRead))) out.push_back(entities::rule(r));
    return http::Response::json(out);
  });
  router.post("/api/v1/admin/rules", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    const auto& p = req.params;
    return http::Response::json(entities::rule(services::create_rule(
        ctx, staff, http::param_string(p, "text").value_or(""), http::param_string(p, "hint").value_or(""))));
  });
  router.put("/api/v1/admin/rules/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    const auto& p = req.params;
    return http::Response::json(entities::rule(services::update_rule(
        ctx, staff, path_id(req), http::param_string(p, "text"), http::param_string(p, "hint"))));
  });
  for (bool up : {true, false})
    router.post(up ? "/api/v1/admin/rules/:id/move_up" : "/api/v1/admin/rules/:id/move_down",
                [&ctx, up](http::Request& req) {
                  auto staff = require_staff(ctx, req, kWrite);
                  return http::Response::json(entities::rule(services::move_rule(ctx, staff, path_id(req), up)));
                });
  router.del("/api/v1/admin/rules/:id", [&ctx](http::Request& req) {
    services::delete_rule(ctx, require_staff(ctx, req, kWrite), path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

void register_roles(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/roles", [&ctx](http::Request& req) {
    boost::json::array out;
    for (const auto& r : services::admin_roles(ctx, require_staff(ctx, req, kRead))) out.push_back(entities::user_role(r));
    return http::Response::json(out);
  });
  router.post("/api/v1/admin/roles", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return http::Response::json(entities::user_role(services::create_role(ctx, staff, role_fields(req))));
  });
  router.put("/api/v1/admin/roles/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return http::Response::json(entities::user_role(services::update_role(ctx, staff, path_id(req), role_fields(req))));
  });
  router.del("/api/v1/admin/roles/:id", [&ctx](http::Request& req) {
    services::delete_role(ctx, require_staff(ctx, req, kWrite), path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace

void register_admin_server_routes(http::Router& router, services::Context& ctx) {
  register_settings(router, ctx);
  register_rules(router, ctx);
  register_roles(router, ctx);
}

}  // namespace agora::api
