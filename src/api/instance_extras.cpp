// GET /api/v1/instance/{rules,peers,activity,extended_description,
// translation_languages,domain_blocks}: public documents about the instance.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "entities/instance_extras.h"
#include "services/instance_extras.h"

namespace agora::api {

namespace json = boost::json;

namespace {
// As Mastodon: these documents are cacheable even for signed-in clients.
http::Response cacheable(http::Response r, const char* max_age = "max-age=300") {
  r.headers.set("Cache-Control", std::string(max_age) + ", public");
  return r;
}
}  // namespace

void register_instance_extra_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/instance/rules", [&ctx](http::Request&) {
    json::array out;
    for (const auto& r : services::instance_rules(ctx)) out.push_back(entities::rule(r));
    return cacheable(http::Response::json(out));
  });
  router.get("/api/v1/instance/peers", [&ctx](http::Request&) {
    json::array out;
    for (const auto& d : services::instance_peers(ctx)) out.push_back(json::string(d));
    return cacheable(http::Response::json(out), "max-age=86400");
  });
  router.get("/api/v1/instance/activity", [&ctx](http::Request&) {
    json::array out;
    for (const auto& w : services::instance_activity(ctx)) out.push_back(entities::activity_week(w));
    return cacheable(http::Response::json(out), "max-age=86400");
  });
  router.get("/api/v1/instance/extended_description", [&ctx](http::Request&) {
    return cacheable(http::Response::json(entities::extended_description(services::extended_description(ctx))));
  });
  router.get("/api/v1/instance/translation_languages", [](http::Request&) {
    return cacheable(http::Response::json(json::object()));
  });
  router.get("/api/v1/instance/domain_blocks", [&ctx](http::Request& req) {
    bool signed_in = optional_auth(ctx, req).has_value();
    auto shown = services::public_domain_blocks(ctx, signed_in);
    if (!shown) return http::Response::text("", "text/plain; charset=utf-8", 404);  // Mastodon: head 404
    json::array out;
    for (const auto& b : shown->blocks) out.push_back(entities::domain_block(b, shown->with_comment));
    return cacheable(http::Response::json(out), "max-age=180");
  });
}

}  // namespace agora::api
