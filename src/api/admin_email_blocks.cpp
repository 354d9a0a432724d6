// The admin API for sign-up blocks by address: /api/v1/admin/email_domain_blocks
// and /api/v1/admin/canonical_email_blocks.
#include "api/admin_auth.h"
#include "api/admin_domain_entries.h"
#include "api/api.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "http/params.h"
#include "services/canonical_email_blocks.h"

namespace agora::api {

namespace {

constexpr int kLimit = 100;
constexpr std::string_view kRead = "admin:read:canonical_email_blocks", kWrite = "admin:write:canonical_email_blocks";

// Mastodon's Admin::CanonicalEmailBlock entity.
boost::json::object render(const services::CanonicalEmailBlock& b) {
  return {{"id", std::to_string(b.id)}, {"canonical_email_hash", b.canonical_email_hash}};
}

boost::json::array render_all(const std::vector<services::CanonicalEmailBlock>& blocks) {
  boost::json::array out;
  for (const auto& b : blocks) out.push_back(render(b));
  return out;
}

std::string text_param(const http::Request& req, std::string_view key) {
  return http::param_string(req.params, key).value_or("");
}

void register_canonical(http::Router& router, services::Context& ctx) {
  const std::string base = "/api/v1/admin/canonical_email_blocks";
  router.get(base, [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    auto page = services::list_canonical_email_blocks(ctx, staff, read_page(req, kLimit, kLimit));
    auto res = http::Response::json(render_all(page.items));
    add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
    return res;
  });
  router.get(base + "/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return http::Response::json(render(services::show_canonical_email_block(ctx, staff, path_id(req))));
  });
  router.post(base + "/test", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return http::Response::json(render_all(services::test_canonical_email(ctx, staff, text_param(req, "email"))));
  });
  router.post(base, [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    return http::Response::json(render(services::create_canonical_email_block(
        ctx, staff, text_param(req, "email"), text_param(req, "canonical_email_hash"))));
  });
  router.del(base + "/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    services::delete_canonical_email_block(ctx, staff, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace

void register_admin_email_block_routes(http::Router& router, services::Context& ctx) {
  register_domain_entries(router, ctx, "/api/v1/admin/email_domain_blocks", services::DomainList::email_blocks,
                          "admin:read:email_domain_blocks", "admin:write:email_domain_blocks");
  register_canonical(router, ctx);
}

}  // namespace agora::api
