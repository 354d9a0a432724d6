// The notification_mail job: one notification, as a mail to its recipient.
#include "services/notification_emails.h"
#include "workers/handlers.h"
#include "workers/job_payload.h"

namespace agora::workers {

void notification_mail(services::Context& ctx, const boost::json::object& payload) {
  services::notification_emails::deliver(ctx, id_field(payload, "account_id"), id_field(payload, "notification_id"));
}

}  // namespace agora::workers
