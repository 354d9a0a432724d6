// Jobs about statuses: the end of a poll, posting a scheduled status, and
// publishing a scheduled announcement.
#include "services/admin_announcements.h"
#include "services/polls.h"
#include "services/scheduled_statuses.h"
#include "workers/handlers.h"
#include "workers/job_payload.h"

namespace agora::workers {

void poll_expired(services::Context& ctx, const boost::json::object& payload) {
  services::notify_poll_expired(ctx, id_field(payload, "poll_id"));
}

void publish_scheduled_status(services::Context& ctx, const boost::json::object& payload) {
  services::publish_scheduled_status(ctx, id_field(payload, "scheduled_status_id"));
}

void publish_scheduled_announcement(services::Context& ctx, const boost::json::object& payload) {
  services::admin_announcements::publish_scheduled(ctx, id_field(payload, "announcement_id"));
}

}  // namespace agora::workers
