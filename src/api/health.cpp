// GET /health: "OK" when the database answers, 503 otherwise (for load
// balancers and monitoring).
#include "api/api.h"
#include "core/log.h"

namespace agora::api {

void register_health_routes(http::Router& router, services::Context& ctx) {
  router.get("/health", [&ctx](http::Request&) {
    try {
      auto conn = ctx.db.acquire();
      conn->query("SELECT 1");
    } catch (const std::exception& e) {
      log::error("health check failed: {}", e.what());
      return http::Response::text("Database unavailable", "text/plain; charset=utf-8", 503);
    }
    auto r = http::Response::text("OK", "text/plain; charset=utf-8");
    r.headers.set("Cache-Control", "max-age=0, private, must-revalidate");
    return r;
  });
}

}  // namespace agora::api
