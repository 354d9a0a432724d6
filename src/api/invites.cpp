// Invite links: a member's own (/api/v1/invites; invite_users), everyone's in
// the admin API (/api/v1/admin/invites; manage_invites), and Mastodon's
// GET /api/v1/invites/:invite_code that tells an app an invite is usable.
#include "api/admin_auth.h"
#include "api/content_routes.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "core/errors.h"
#include "core/time.h"
#include "entities/invite.h"
#include "http/params.h"
#include "services/invites.h"
#include "store/invites.h"

namespace agora::api {

namespace {

constexpr int kLimit = 40;

services::Staff member(services::Context& ctx, const http::Request& req, std::string_view scope) {
  return services::staff_member(ctx, require_user(ctx, req, {scope}));
}

http::Response invite_list(services::Context& ctx, const http::Request& req,
                           const model::Paginated<model::Invite>& page) {
  int64_t now = now_ms();
  boost::json::array out;
  for (const auto& i : page.items) out.push_back(entities::invite(i, ctx.config.base_url(), now));
  auto res = http::Response::json(out);
  add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
  return res;
}

std::optional<int64_t> optional_number(const http::Request& req, std::string_view key) {
  auto v = http::param_string(req.params, key);
  if (!v || v->empty()) return std::nullopt;
  try {
    size_t used = 0;
    int64_t n = std::stoll(*v, &used);
    if (used == v->size()) return n;
  } catch (const std::exception&) {
  }
  return -1;  // never among the choices: answered with 422
}

}  // namespace

void register_invite_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/invites", [&ctx](http::Request& req) {
    auto m = member(ctx, req, "read:accounts");
    return invite_list(ctx, req, services::list_own_invites(ctx, m, read_page(req, kLimit, kLimit)));
  });
  router.post("/api/v1/invites", [&ctx](http::Request& req) {
    auto m = member(ctx, req, "write:accounts");
    services::InviteFields in;
    in.max_uses = optional_number(req, "max_uses");
    in.expires_in = optional_number(req, "expires_in");
    in.autofollow = http::param_bool(req.params, "autofollow").value_or(false);
    in.comment = http::param_string(req.params, "comment").value_or("");
    auto invite = services::create_invite(ctx, m, in);
    return http::Response::json(entities::invite(invite, ctx.config.base_url(), now_ms()));
  });
  router.del("/api/v1/invites/:id", [&ctx](http::Request& req) {
    auto m = member(ctx, req, "write:accounts");
    auto invite = services::expire_invite(ctx, m, path_id(req));  // rendered as of after expiring it
    return http::Response::json(entities::invite(invite, ctx.config.base_url(), now_ms()));
  });
  // Mastodon's Api::V1::InvitesController#show: 404 for an unknown code, 401 for one that cannot be used.
  router.get("/api/v1/invites/:id", [&ctx](http::Request& req) {
    std::string code(req.path_param("id"));  // the invite's code (the segment is named as DELETE's)
    auto conn = ctx.db.acquire();
    if (code.size() > 64 || !store::invites::find_by_code(*conn, code)) throw Error::not_found();
    if (!services::usable_invite(*conn, code, now_ms())) throw Error(401, "This invitation link is not valid");
    return http::Response::json(
        boost::json::object{{"invite_code", code}, {"instance_api_url", ctx.config.base_url() + "/api/v2/instance"}});
  });

  router.get("/api/v1/admin/invites", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    auto state = http::param_string(req.params, "state").value_or("");
    return invite_list(ctx, req, services::list_all_invites(ctx, staff, state, read_page(req, kLimit, kLimit)));
  });
  router.del("/api/v1/admin/invites/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    services::authorize(services::can(staff, model::Permission::manage_invites));
    auto invite = services::expire_invite(ctx, staff, path_id(req));
    return http::Response::json(entities::invite(invite, ctx.config.base_url(), now_ms()));
  });
  router.post("/api/v1/admin/invites/deactivate_all", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    return http::Response::json(boost::json::object{{"expired", services::expire_all_invites(ctx, staff)}});
  });
}

}  // namespace agora::api
