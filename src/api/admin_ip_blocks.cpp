// The admin API for address blocks: /api/v1/admin/ip_blocks.
#include "api/admin_auth.h"
#include "api/api.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "entities/admin_ip_block.h"
#include "http/params.h"
#include "services/admin_ip_blocks.h"

namespace agora::api {

namespace {

constexpr int kLimit = 100;
constexpr std::string_view kRead = "admin:read:ip_blocks", kWrite = "admin:write:ip_blocks";

services::IpBlockFields fields(const http::Request& req) {
  services::IpBlockFields in;
  in.ip = http::param_string(req.params, "ip");
  in.severity = http::param_string(req.params, "severity");
  in.comment = http::param_string(req.params, "comment");
  if (http::param_string(req.params, "expires_in").value_or("") != "")
    in.expires_in = lenient_int_param(req, "expires_in");
  return in;
}

}  // namespace

void register_admin_ip_block_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/ip_blocks", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    auto page = services::list_ip_blocks(ctx, staff, read_page(req, kLimit, kLimit));
    boost::json::array out;
    for (const auto& b : page.items) out.push_back(entities::admin_ip_block(b));
    auto res = http::Response::json(out);
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });
  router.get("/api/v1/admin/ip_blocks/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return http::Response::json(entities::admin_ip_block(services::show_ip_block(ctx, staff, path_id(req))));
  });
  router.post("/api/v1/admin/ip_blocks", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return http::Response::json(entities::admin_ip_block(services::create_ip_block(ctx, staff, fields(req))));
  });
  router.put("/api/v1/admin/ip_blocks/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return http::Response::json(entities::admin_ip_block(services::update_ip_block(ctx, staff, path_id(req), fields(req))));
  });
  router.del("/api/v1/admin/ip_blocks/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    services::delete_ip_block(ctx, staff, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
