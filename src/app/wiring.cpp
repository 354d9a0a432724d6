#include "app/wiring.h"

#include "api/api.h"
#include "api/content_routes.h"
#include "app/metrics_route.h"
#include "inbox/inbox.h"
#include "web/web.h"

namespace agora::app {

http::Router build_router(services::Context& ctx) {
  http::Router router;
  api::register_routes(router, ctx);
  api::register_content_routes(router, ctx);
  inbox::register_routes(router, ctx, {web::profile_page(ctx), web::status_page(ctx)});
  web::register_routes(router, ctx);
  register_metrics_route(router, ctx);
  return router;
}

}  // namespace agora::app
