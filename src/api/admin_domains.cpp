// The admin API for federation policy: /api/v1/admin/domain_blocks and
// /api/v1/admin/domain_allows.
#include "api/admin_auth.h"
#include "api/admin_domain_entries.h"
#include "api/api.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "core/time.h"
#include "entities/admin_domain.h"
#include "http/params.h"
#include "services/admin_domains.h"

namespace agora::api {

namespace {

constexpr int kLimit = 100;

services::DomainBlockFields block_fields(const http::Request& req) {
  services::DomainBlockFields in;
  const auto& p = req.params;
  in.domain = http::param_string(p, "domain");
  in.severity = http::param_string(p, "severity");
  in.reject_media = http::param_bool(p, "reject_media");
  in.reject_reports = http::param_bool(p, "reject_reports");
  in.obfuscate = http::param_bool(p, "obfuscate");
  in.private_comment = http::param_string(p, "private_comment");
  in.public_comment = http::param_string(p, "public_comment");
  return in;
}

template <class T, class Render>
http::Response list_response(services::Context& ctx, const http::Request& req, const model::Paginated<T>& page,
                             Render render) {
  boost::json::array out;
  for (const auto& item : page.items) out.push_back(render(item));
  auto res = http::Response::json(out);
  add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
  return res;
}

void register_blocks(http::Router& router, services::Context& ctx) {
  constexpr std::string_view kRead = "admin:read:domain_blocks", kWrite = "admin:write:domain_blocks";
  router.get("/api/v1/admin/domain_blocks", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    auto page = services::list_domain_blocks(ctx, staff, read_page(req, kLimit, kLimit));
    return list_response(ctx, req, page, entities::admin_domain_block);
  });
  router.get("/api/v1/admin/domain_blocks/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kRead);
    return http::Response::json(entities::admin_domain_block(services::show_domain_block(ctx, staff, path_id(req))));
  });
  router.post("/api/v1/admin/domain_blocks", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    try {
      return http::Response::json(entities::admin_domain_block(services::create_domain_block(ctx, staff, block_fields(req))));
    } catch (const services::ExistingDomainBlock& e) {
      // Mastodon's ExistingDomainBlockErrorSerializer.
      return http::Response::json(
          boost::json::object{{"error", "You have already imposed stricter limits on " + e.block.domain + "."},
                              {"existing_domain_block", entities::admin_domain_block(e.block)}},
          422);
    }
  });
  router.put("/api/v1/admin/domain_blocks/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    auto fields = block_fields(req);
    fields.domain.reset();  // the domain of a block does not change
    return http::Response::json(
        entities::admin_domain_block(services::update_domain_block(ctx, staff, path_id(req), fields)));
  });
  router.del("/api/v1/admin/domain_blocks/:id", [&ctx](http::Request& req) {
    auto staff = require_staff(ctx, req, kWrite);
    services::delete_domain_block(ctx, staff, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace

void register_admin_domain_routes(http::Router& router, services::Context& ctx) {
  register_blocks(router, ctx);
  register_domain_entries(router, ctx, "/api/v1/admin/domain_allows", services::DomainList::allows,
                          "admin:read:domain_allows", "admin:write:domain_allows");
}

void register_domain_entries(http::Router& router, services::Context& ctx, const std::string& path,
                             services::DomainList which, std::string_view read_scope, std::string_view write_scope) {
  auto render = [which](const model::DomainEntry& e) {
    return which == services::DomainList::allows ? entities::admin_domain_allow(e)
                                                  : entities::admin_email_domain_block(e, now_ms());
  };
  router.get(path, [&ctx, which, read_scope, render](http::Request& req) {
    auto staff = require_staff(ctx, req, read_scope);
    auto page = services::list_domain_entries(ctx, staff, which, read_page(req, kLimit, kLimit));
    return list_response(ctx, req, page, render);
  });
  router.get(path + "/:id", [&ctx, which, read_scope, render](http::Request& req) {
    auto staff = require_staff(ctx, req, read_scope);
    return http::Response::json(render(services::show_domain_entry(ctx, staff, which, path_id(req))));
  });
  router.post(path, [&ctx, which, write_scope, render](http::Request& req) {
    auto staff = require_staff(ctx, req, write_scope);
    auto domain = http::param_string(req.params, "domain").value_or("");
    return http::Response::json(render(services::create_domain_entry(ctx, staff, which, domain)));
  });
  router.del(path + "/:id", [&ctx, which, write_scope](http::Request& req) {
    auto staff = require_staff(ctx, req, write_scope);
    services::delete_domain_entry(ctx, staff, which, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
