// The federation face: documents and endpoints other servers use.
#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::inbox {

// The pages browsers get at the addresses ActivityPub shares (/@alice,
// /@alice/1); the web face renders them, these routes negotiate.
struct BrowserPages {
  http::Handler profile;
  http::Handler status;
};

void register_discovery_routes(http::Router& router, services::Context& ctx);
void register_actor_routes(http::Router& router, services::Context& ctx, const BrowserPages& pages);
void register_inbox_routes(http::Router& router, services::Context& ctx);

inline void register_routes(http::Router& router, services::Context& ctx, const BrowserPages& pages) {
  register_discovery_routes(router, ctx);
  register_actor_routes(router, ctx, pages);
  register_inbox_routes(router, ctx);
}

}  // namespace agora::inbox
