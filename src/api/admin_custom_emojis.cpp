// Agora's admin API for custom emoji (Mastodon manages them in Rails forms):
// GET/POST /api/v1/admin/custom_emojis, GET/PUT/DELETE
// /api/v1/admin/custom_emojis/:id, POST …/:id/enable, …/disable, …/copy.
#include <boost/json.hpp>

#include "api/admin_auth.h"
#include "api/content_routes.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "core/errors.h"
#include "entities/admin_custom_emoji.h"
#include "http/params.h"
#include "services/admin_custom_emojis.h"

namespace agora::api {

namespace {

namespace admin = services::admin_custom_emojis;
namespace rows = store::admin_custom_emojis;

constexpr int kLimit = 40;
constexpr int kMaxLimit = 200;

http::Response one(services::Context& ctx, const admin::Emoji& e) {
  return http::Response::json(entities::admin_custom_emoji(e, render_context(ctx)));
}

std::string bounded(const http::Request& req, const char* key, size_t max) {
  auto v = http::param_string(req.params, key).value_or("");
  if (v.size() > max) throw Error::unprocessable(std::string("Validation failed: ") + key + " is too long");
  return v;
}

}  // namespace

void register_admin_custom_emoji_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/custom_emojis", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    rows::Filter f;
    f.local_only = http::param_bool(req.params, "local").value_or(false);
    f.remote_only = http::param_bool(req.params, "remote").value_or(false);
    f.domain = bounded(req, "by_domain", 253);
    f.shortcode = bounded(req, "shortcode", 128);
    auto page = admin::list(ctx, staff, f, read_page(req, kLimit, kMaxLimit));
    auto rc = render_context(ctx);
    boost::json::array out;
    for (const auto& e : page.items) out.push_back(entities::admin_custom_emoji(e, rc));
    auto res = http::Response::json(out);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });
  router.post("/api/v1/admin/custom_emojis", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    services::authorize(services::can(staff, model::Permission::manage_custom_emojis));
    auto* image = req.upload("image");
    if (!image) throw Error::unprocessable("Validation failed: Image can't be blank");
    return one(ctx, admin::create(ctx, staff, bounded(req, "shortcode", 128), image->data,
                                  bounded(req, "category", 64)));
  });
  router.get("/api/v1/admin/custom_emojis/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    return one(ctx, admin::show(ctx, staff, path_id(req)));
  });
  router.put("/api/v1/admin/custom_emojis/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    rows::Changes ch;
    ch.disabled = http::param_bool(req.params, "disabled");
    ch.visible_in_picker = http::param_bool(req.params, "visible_in_picker");
    ch.category = http::param_string(req.params, "category");
    return one(ctx, admin::update(ctx, staff, path_id(req), ch));
  });
  for (bool enable : {true, false}) {
    router.post(std::string("/api/v1/admin/custom_emojis/:id/") + (enable ? "enable" : "disable"),
                [&ctx, enable](http::Request& req) {
                  auto staff = require_staff(ctx, req, "admin:write");
                  rows::Changes ch;
                  ch.disabled = !enable;
                  return one(ctx, admin::update(ctx, staff, path_id(req), ch));
                });
  }
  router.post("/api/v1/admin/custom_emojis/:id/copy", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    return one(ctx, admin::copy(ctx, staff, path_id(req)));
  });
  router.del("/api/v1/admin/custom_emojis/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    admin::destroy(ctx, staff, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
