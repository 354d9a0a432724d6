// The Mastodon client API face: each resource family registers its routes.
#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::api {

void register_instance_routes(http::Router& router, services::Context& ctx);
void register_health_routes(http::Router& router, services::Context& ctx);
void register_registration_routes(http::Router& router, services::Context& ctx);
void register_apps_routes(http::Router& router, services::Context& ctx);
void register_oauth_routes(http::Router& router, services::Context& ctx);
void register_relationship_routes(http::Router& router, services::Context& ctx);
void register_follow_routes(http::Router& router, services::Context& ctx);
void register_block_routes(http::Router& router, services::Context& ctx);
void register_mute_routes(http::Router& router, services::Context& ctx);
void register_endorsement_routes(http::Router& router, services::Context& ctx);
void register_suggestion_routes(http::Router& router, services::Context& ctx);
void register_accounts_routes(http::Router& router, services::Context& ctx);
void register_credentials_routes(http::Router& router, services::Context& ctx);
void register_files_routes(http::Router& router, services::Context& ctx);
void register_list_routes(http::Router& router, services::Context& ctx);
void register_marker_routes(http::Router& router, services::Context& ctx);
void register_filter_routes(http::Router& router, services::Context& ctx);

void register_search_routes(http::Router& router, services::Context& ctx);
void register_status_routes(http::Router& router, services::Context& ctx);
void register_instance_extra_routes(http::Router& router, services::Context& ctx);
void register_custom_emoji_routes(http::Router& router, services::Context& ctx);
void register_announcement_routes(http::Router& router, services::Context& ctx);
void register_tag_routes(http::Router& router, services::Context& ctx);
void register_notification_routes(http::Router& router, services::Context& ctx);
void register_grouped_notification_routes(http::Router& router, services::Context& ctx);
void register_notification_request_routes(http::Router& router, services::Context& ctx);
void register_status_edit_routes(http::Router& router, services::Context& ctx);
void register_poll_routes(http::Router& router, services::Context& ctx);
void register_scheduled_status_routes(http::Router& router, services::Context& ctx);
void register_status_action_routes(http::Router& router, services::Context& ctx);
void register_favourites_routes(http::Router& router, services::Context& ctx);
void register_account_statuses_routes(http::Router& router, services::Context& ctx);
void register_status_context_routes(http::Router& router, services::Context& ctx);
void register_conversation_routes(http::Router& router, services::Context& ctx);
void register_trends_routes(http::Router& router, services::Context& ctx);
void register_report_routes(http::Router& router, services::Context& ctx);
void register_timeline_routes(http::Router& router, services::Context& ctx);
void register_media_routes(http::Router& router, services::Context& ctx);
void register_media_proxy_routes(http::Router& router, services::Context& ctx);
void register_admin_account_routes(http::Router& router, services::Context& ctx);
void register_admin_report_routes(http::Router& router, services::Context& ctx);
void register_admin_domain_routes(http::Router& router, services::Context& ctx);
void register_admin_email_block_routes(http::Router& router, services::Context& ctx);
void register_admin_ip_block_routes(http::Router& router, services::Context& ctx);
void register_admin_dashboard_routes(http::Router& router, services::Context& ctx);
void register_admin_overview_routes(http::Router& router, services::Context& ctx);
void register_admin_server_routes(http::Router& router, services::Context& ctx);
void register_push_routes(http::Router& router, services::Context& ctx);

inline void register_routes(http::Router& router, services::Context& ctx) {
  register_instance_routes(router, ctx);
  register_health_routes(router, ctx);
  register_registration_routes(router, ctx);
  register_apps_routes(router, ctx);
  register_oauth_routes(router, ctx);
  register_relationship_routes(router, ctx);
  register_follow_routes(router, ctx);
  register_block_routes(router, ctx);
  register_mute_routes(router, ctx);
  register_endorsement_routes(router, ctx);
  register_suggestion_routes(router, ctx);
  register_accounts_routes(router, ctx);
  register_credentials_routes(router, ctx);
  register_files_routes(router, ctx);
  register_list_routes(router, ctx);
  register_marker_routes(router, ctx);
  register_filter_routes(router, ctx);
  register_search_routes(router, ctx);
  register_status_routes(router, ctx);
  register_instance_extra_routes(router, ctx);
  register_custom_emoji_routes(router, ctx);
  register_announcement_routes(router, ctx);
  register_tag_routes(router, ctx);
  register_notification_routes(router, ctx);
  register_grouped_notification_routes(router, ctx);
  register_notification_request_routes(router, ctx);
  register_status_edit_routes(router, ctx);
  register_poll_routes(router, ctx);
  register_scheduled_status_routes(router, ctx);
  register_status_action_routes(router, ctx);
  register_favourites_routes(router, ctx);
  register_account_statuses_routes(router, ctx);
  register_status_context_routes(router, ctx);
  register_conversation_routes(router, ctx);
  register_trends_routes(router, ctx);
  register_timeline_routes(router, ctx);
  register_report_routes(router, ctx);
  register_media_routes(router, ctx);
  register_media_proxy_routes(router, ctx);
  register_admin_account_routes(router, ctx);
  register_admin_report_routes(router, ctx);
  register_admin_domain_routes(router, ctx);
  register_admin_email_block_routes(router, ctx);
  register_admin_ip_block_routes(router, ctx);
  register_admin_dashboard_routes(router, ctx);
  register_admin_overview_routes(router, ctx);
  register_admin_server_routes(router, ctx);
  register_push_routes(router, ctx);
}

}  // namespace agora::api
