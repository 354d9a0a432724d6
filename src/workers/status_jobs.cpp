// Jobs about statuses: the end of a poll, and posting a scheduled status.
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

}  // namespace agora::workers
