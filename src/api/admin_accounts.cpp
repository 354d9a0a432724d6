// The admin API for accounts: /api/v1/admin/accounts (and the v2 list with
// Mastodon's AccountFilter parameters), showing and moderating one account.
#include "api/admin_auth.h"
#include "api/api.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "entities/admin_account.h"
#include "http/params.h"
#include "services/moderation.h"

namespace agora::api {

namespace {

constexpr int kLimit = 100;
constexpr std::string_view kRead = "admin:read:accounts";
constexpr std::string_view kWrite = "admin:write:accounts";

std::string text_param(const http::Request& req, std::string_view key) {
  return http::param_string(req.params, key).value_or("");
}

bool present(const http::Request& req, std::string_view key) { return !text_param(req, key).empty(); }

// The filters both versions share.
void read_common_filters(const http::Request& req, store::admin_accounts::Filter& f) {
  f.username = text_param(req, "username");
  f.display_name = text_param(req, "display_name");
  f.by_domain = text_param(req, "by_domain");
  f.email = text_param(req, "email");
  f.ip = text_param(req, "ip");
  f.page = read_page(req, kLimit, kLimit);
}

// v1 reads flags (local, remote, active, pending, …) and defaults to active local accounts.
services::AccountFilterRequest v1_filter(const http::Request& req) {
  services::AccountFilterRequest in;
  auto& f = in.filter;
  read_common_filters(req, f);
  f.origin = present(req, "remote") ? "remote" : "local";
  f.status = "active";
  for (const char* status : {"active", "pending", "disabled", "silenced", "suspended"})
    if (present(req, status)) f.status = status;
  if (present(req, "staff")) in.permissions = "staff";
  return in;
}

services::AccountFilterRequest v2_filter(const http::Request& req) {
  services::AccountFilterRequest in;
  auto& f = in.filter;
  read_common_filters(req, f);
  f.origin = text_param(req, "origin");
  f.status = text_param(req, "status");
  in.permissions = text_param(req, "permissions");
  if (req.params.contains("role_ids") || req.params.contains("role_ids[]")) {
    std::vector<int64_t> ids;
    for (const auto& text : http::param_list(req.params, "role_ids")) {
      try {
        ids.push_back(std::stoll(text));
      } catch (const std::exception&) {
      }
    }
    in.role_ids = ids;
  }
  if (present(req, "invited_by")) in.invited_by = text_param(req, "invited_by");
  return in;
}

http::Response list_response(services::Context& ctx, const http::Request& req,
                             const model::Paginated<model::AdminAccount>& page) {
  boost::json::array out;
  auto rc = render_context(ctx);
  for (const auto& a : page.items) out.push_back(entities::admin_account(a, rc));
  auto res = http::Response::json(out);
  add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
  return res;
}

http::Response one(services::Context& ctx, const model::AdminAccount& a) {
  return http::Response::json(entities::admin_account(a, render_context(ctx)));
}

using Change = model::AdminAccount (*)(services::Context&, const services::Staff&, int64_t);

void post_change(http::Router& router, services::Context& ctx, const std::string& action, Change change) {
  router.post("/api/v1/admin/accounts/:id/" + action, [&ctx, change](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return one(ctx, change(ctx, staff, path_id(req)));
  });
}

}  // namespace

void register_admin_account_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/accounts", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return list_response(ctx, req, services::list_admin_accounts(ctx, staff, v1_filter(req)));
  });
  router.get("/api/v2/admin/accounts", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return list_response(ctx, req, services::list_admin_accounts(ctx, staff, v2_filter(req)));
  });
  router.get("/api/v1/admin/accounts/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return one(ctx, services::show_admin_account(ctx, staff, path_id(req)));
  });
  router.post("/api/v1/admin/accounts/:id/action", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    services::AccountAction action;
    action.type = text_param(req, "type");
    if (present(req, "report_id")) {
      auto id = parse_id(text_param(req, "report_id"));
      if (!id) throw Error::not_found();
      action.report_id = *id;
    }
    if (present(req, "warning_preset_id")) action.warning_preset_id = text_param(req, "warning_preset_id");
    action.text = text_param(req, "text");
    action.send_email_notification = http::param_bool(req.params, "send_email_notification").value_or(true);
    services::take_account_action(ctx, staff, path_id(req, "id"), action);
    return http::Response::json(boost::json::object{});
  });
  post_change(router, ctx, "approve", services::approve_account);
  post_change(router, ctx, "enable", services::enable_account);
  post_change(router, ctx, "unsilence", services::unsilence_account);
  post_change(router, ctx, "unsensitive", services::unsensitive_account);
  post_change(router, ctx, "unsuspend", services::unsuspend_account);
  router.post("/api/v1/admin/accounts/:id/reject", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    services::reject_account(ctx, staff, path_id(req));
    return http::Response::json(boost::json::object{});
  });
  router.del("/api/v1/admin/accounts/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    services::delete_account_data(ctx, staff, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
