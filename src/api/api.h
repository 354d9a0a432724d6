// The Mastodon client API face: each resource family registers its routes.
#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::api {

void register_instance_routes(http::Router& router, services::Context& ctx);
void register_health_routes(http::Router& router, services::Context& ctx);
void register_accounts_routes(http::Router& router, services::Context& ctx);
void register_credentials_routes(http::Router& router, services::Context& ctx);
void register_files_routes(http::Router& router, services::Context& ctx);

inline void register_routes(http::Router& router, services::Context& ctx) {
  register_instance_routes(router, ctx);
  register_health_routes(router, ctx);
  register_accounts_routes(router, ctx);
  register_credentials_routes(router, ctx);
  register_files_routes(router, ctx);
}

}  // namespace agora::api
