// Agora's admin API for announcements (Mastodon manages them in Rails forms):
// GET/POST /api/v1/admin/announcements, GET/PUT/DELETE
// /api/v1/admin/announcements/:id, POST …/:id/publish and …/:id/unpublish.
#include <boost/json.hpp>

#include "api/admin_auth.h"
#include "api/content_routes.h"
#include "api/ids.h"
#include "api/render.h"
#include "core/errors.h"
#include "core/time.h"
#include "entities/announcement.h"
#include "http/params.h"
#include "services/admin_announcements.h"

namespace agora::api {

namespace {

namespace admin = services::admin_announcements;

constexpr size_t kMaxText = 10000;

// A time parameter: absent keeps `current`, blank clears it, else ISO 8601.
std::optional<int64_t> time_param(const http::Request& req, const char* key, std::optional<int64_t> current) {
  auto v = http::param_string(req.params, key);
  if (!v) return current;
  if (v->empty()) return std::nullopt;
  auto t = parse_iso8601(*v);
  if (!t) throw Error::unprocessable(std::string("Validation failed: ") + key + " is not a valid time");
  return t;
}

// The form over what the announcement has now (nothing, when creating).
admin::Fields fields_from(const http::Request& req, const model::Announcement& current) {
  admin::Fields f;
  f.content.text = http::param_string(req.params, "text").value_or(current.text);
  if (f.content.text.size() > kMaxText) throw Error::unprocessable("Validation failed: Text is too long");
  f.content.starts_at = time_param(req, "starts_at", current.starts_at);
  f.content.ends_at = time_param(req, "ends_at", current.ends_at);
  f.content.all_day = http::param_bool(req.params, "all_day").value_or(current.all_day);
  f.scheduled_at = time_param(req, "scheduled_at", current.scheduled_at);
  return f;
}

http::Response one(services::Context& ctx, const model::Announcement& a) {
  return http::Response::json(entities::admin_announcement(a, render_context(ctx)));
}

}  // namespace

void register_admin_announcement_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/announcements", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    auto rc = render_context(ctx);
    boost::json::array out;
    for (const auto& a : admin::list(ctx, staff)) out.push_back(entities::admin_announcement(a, rc));
    return http::Response::json(out);
  });
  router.post("/api/v1/admin/announcements", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    services::authorize(services::can(staff, model::Permission::manage_announcements));
    return one(ctx, admin::create(ctx, staff, fields_from(req, model::Announcement{})));
  });
  router.get("/api/v1/admin/announcements/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    return one(ctx, admin::show(ctx, staff, path_id(req)));
  });
  router.put("/api/v1/admin/announcements/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    auto current = admin::show(ctx, staff, path_id(req));
    return one(ctx, admin::update(ctx, staff, current.id, fields_from(req, current)));
  });
  router.post("/api/v1/admin/announcements/:id/publish", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    return one(ctx, admin::publish(ctx, staff, path_id(req)));
  });
  router.post("/api/v1/admin/announcements/:id/unpublish", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    return one(ctx, admin::unpublish(ctx, staff, path_id(req)));
  });
  router.del("/api/v1/admin/announcements/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    admin::destroy(ctx, staff, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
