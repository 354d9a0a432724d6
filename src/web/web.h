// The web face: server-rendered pages for people in a browser (signing in,
// authorizing apps, account settings). One file per page family.
#pragma once
#include "http/router.h"
#include "services/context.h"
#include "web/public_pages.h"

namespace agora::web {

void register_sign_in_routes(http::Router& router, services::Context& ctx);
void register_authorization_routes(http::Router& router, services::Context& ctx);
void register_two_factor_routes(http::Router& router, services::Context& ctx);
void register_account_email_routes(http::Router& router, services::Context& ctx);
// The signed unsubscribe link of notification mails.
void register_unsubscribe_routes(http::Router& router, services::Context& ctx);
void register_sign_up_routes(http::Router& router, services::Context& ctx);
void register_authorize_interaction_routes(http::Router& router, services::Context& ctx);
// Settings → Import and export (CSV files).
void register_data_portability_routes(http::Router& router, services::Context& ctx);
// Settings → Authorized apps (revoking an app's access).
void register_authorized_application_routes(http::Router& router, services::Context& ctx);
// Settings → Preferences → Notifications (which mails a member gets).
void register_notification_settings_routes(http::Router& router, services::Context& ctx);
// Settings → Account → Moving (aliases and moving to another account).
void register_account_migration_routes(http::Router& router, services::Context& ctx);
// The built web client (web/dist) under /web.
void register_client_routes(http::Router& router, services::Context& ctx);

inline void register_routes(http::Router& router, services::Context& ctx) {
  register_sign_in_routes(router, ctx);
  register_authorization_routes(router, ctx);
  register_two_factor_routes(router, ctx);
  register_account_email_routes(router, ctx);
  register_unsubscribe_routes(router, ctx);
  register_sign_up_routes(router, ctx);
  register_authorize_interaction_routes(router, ctx);
  register_data_portability_routes(router, ctx);
  register_authorized_application_routes(router, ctx);
  register_notification_settings_routes(router, ctx);
  register_account_migration_routes(router, ctx);
  register_client_routes(router, ctx);
  register_public_page_routes(router, ctx);
  register_oembed_routes(router, ctx);
}

}  // namespace agora::web
