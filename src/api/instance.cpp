// GET /api/v1/instance and /api/v2/instance.
#include "api/api.h"
#include "api/render.h"
#include "entities/instance.h"
#include "services/instance.h"

namespace agora::api {

namespace {
// As Mastodon: instance documents are cacheable even for signed-in clients.
http::Response cacheable(http::Response r) {
  r.headers.set("Cache-Control", "max-age=300, public, stale-while-revalidate=30, stale-if-error=86400");
  r.headers.set("Vary", "Accept");
  return r;
}
}  // namespace

void register_instance_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/instance", [&ctx](http::Request&) {
    return cacheable(http::Response::json(entities::instance_v1(services::instance_overview(ctx), render_context(ctx))));
  });
  router.get("/api/v2/instance", [&ctx](http::Request&) {
    return cacheable(http::Response::json(entities::instance_v2(services::instance_overview(ctx), render_context(ctx))));
  });
}

}  // namespace agora::api
