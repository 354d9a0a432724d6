#include "app/routes.h"

#include "api/routes.h"
#include "inbox/routes.h"

namespace agora::app {

http::Router build_router(services::Context& ctx) {
  http::Router router;
  api::register_routes(router, ctx);
  inbox::register_routes(router, ctx);
  return router;
}

}  // namespace agora::app
