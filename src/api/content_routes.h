// Routes for invites, trend review, strikes with their appeals, and staff
// announcements and custom emoji, wired
// beside api::register_routes.
#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::api {

void register_invite_routes(http::Router& router, services::Context& ctx);
void register_admin_trend_routes(http::Router& router, services::Context& ctx);
void register_dispute_routes(http::Router& router, services::Context& ctx);
void register_admin_announcement_routes(http::Router& router, services::Context& ctx);
void register_admin_custom_emoji_routes(http::Router& router, services::Context& ctx);

inline void register_content_routes(http::Router& router, services::Context& ctx) {
  register_invite_routes(router, ctx);
  register_admin_trend_routes(router, ctx);
  register_dispute_routes(router, ctx);
  register_admin_announcement_routes(router, ctx);
  register_admin_custom_emoji_routes(router, ctx);
}

}  // namespace agora::api
