// The web_push job: one notification, encrypted, to one push subscription.
#include "services/web_push.h"
#include "workers/handlers.h"
#include "workers/job_payload.h"

namespace agora::workers {

void web_push(services::Context& ctx, const boost::json::object& payload) {
  services::web_push::deliver(ctx, id_field(payload, "subscription_id"), id_field(payload, "notification_id"));
}

}  // namespace agora::workers
