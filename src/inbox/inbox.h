// The federation face: documents and endpoints other servers use.
#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::inbox {

void register_discovery_routes(http::Router& router, services::Context& ctx);
void register_actor_routes(http::Router& router, services::Context& ctx);
void register_inbox_routes(http::Router& router, services::Context& ctx);

inline void register_routes(http::Router& router, services::Context& ctx) {
  register_discovery_routes(router, ctx);
  register_actor_routes(router, ctx);
  register_inbox_routes(router, ctx);
}

}  // namespace agora::inbox
