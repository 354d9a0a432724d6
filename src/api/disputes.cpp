// Strikes and appeals: a member's own (/api/v1/disputes/strikes, appeal with
// POST …/:id/appeal) and the moderators' queue (/api/v1/admin/disputes/appeals,
// approve and reject; manage_appeals). Mastodon has these as web pages only.
#include "api/admin_auth.h"
#include "api/auth.h"
#include "api/content_routes.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/strike.h"
#include "http/params.h"
#include "services/disputes.h"

namespace agora::api {

namespace {

constexpr int kLimit = 40;

// A suspended member may still read their strikes and appeal them, as in
// Mastodon; every other refusal of require_user stays.
int64_t member_account(services::Context& ctx, const http::Request& req, std::string_view scope) {
  auto auth = require_token(ctx, req, {scope});
  auto checked = auth;
  if (checked.account) checked.account->suspended_at.reset();
  services::require_usable_login(checked);
  return auth.account->id;
}

}  // namespace

void register_dispute_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/disputes/strikes", [&ctx](http::Request& req) {
    auto account_id = member_account(ctx, req, "read:accounts");
    auto page = services::list_strikes(ctx, account_id, read_page(req, kLimit, kLimit));
    auto rc = render_context(ctx);
    boost::json::array out;
    for (const auto& v : page.items) out.push_back(entities::strike(v, rc));
    auto res = http::Response::json(out);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });
  router.get("/api/v1/disputes/strikes/:id", [&ctx](http::Request& req) {
    auto account_id = member_account(ctx, req, "read:accounts");
    return http::Response::json(
        entities::strike(services::show_strike(ctx, account_id, path_id(req)), render_context(ctx)));
  });
  router.post("/api/v1/disputes/strikes/:id/appeal", [&ctx](http::Request& req) {
    auto account_id = member_account(ctx, req, "write:accounts");
    auto text = http::param_string(req.params, "text").value_or("");
    return http::Response::json(
        entities::strike(services::appeal_strike(ctx, account_id, path_id(req), text), render_context(ctx)));
  });

  router.get("/api/v1/admin/disputes/appeals", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:read");
    auto state = http::param_string(req.params, "state").value_or("");
    auto page = services::list_appeals(ctx, staff, state, read_page(req, kLimit, kLimit));
    boost::json::array out;
    for (const auto& v : page.items) out.push_back(entities::admin_appeal(v));
    auto res = http::Response::json(out);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });
  router.post("/api/v1/admin/disputes/appeals/:id/approve", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    return http::Response::json(entities::admin_appeal(services::approve_appeal(ctx, staff, path_id(req))));
  });
  router.post("/api/v1/admin/disputes/appeals/:id/reject", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, "admin:write");
    return http::Response::json(entities::admin_appeal(services::reject_appeal(ctx, staff, path_id(req))));
  });
}

}  // namespace agora::api
