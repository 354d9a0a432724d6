// Every job kind and its handler.
#pragma once
#include "workers/worker_pool.h"

namespace agora::workers {

HandlerRegistry all_handlers();
// Makes sure each periodic job waits in the queue (at start of a server or worker).
void schedule_periodic_jobs(services::Context& ctx);

void send_mail(services::Context& ctx, const boost::json::object& payload);
void poll_expired(services::Context& ctx, const boost::json::object& payload);
void publish_scheduled_status(services::Context& ctx, const boost::json::object& payload);
void publish_scheduled_announcement(services::Context& ctx, const boost::json::object& payload);
void deliver(services::Context& ctx, const boost::json::object& payload);
void process_activity(services::Context& ctx, const boost::json::object& payload);
void distribute_poll_update(services::Context& ctx, const boost::json::object& payload);
void delete_suspended_account(services::Context& ctx, const boost::json::object& payload);
void suspend_domain(services::Context& ctx, const boost::json::object& payload);
void process_media(services::Context& ctx, const boost::json::object& payload);
void remove_unattached_media(services::Context& ctx, const boost::json::object& payload);
void remove_media_files(services::Context& ctx, const boost::json::object& payload);
void remove_stored_files(services::Context& ctx, const boost::json::object& payload);
void cache_remote_attachment(services::Context& ctx, const boost::json::object& payload);
void cache_remote_profile(services::Context& ctx, const boost::json::object& payload);
void cache_remote_emoji(services::Context& ctx, const boost::json::object& payload);
void web_push(services::Context& ctx, const boost::json::object& payload);
void notification_mail(services::Context& ctx, const boost::json::object& payload);
void email_digests(services::Context& ctx, const boost::json::object& payload);
void trend_review_mails(services::Context& ctx, const boost::json::object& payload);
void process_import(services::Context& ctx, const boost::json::object& payload);
void build_archive(services::Context& ctx, const boost::json::object& payload);

}  // namespace agora::workers
