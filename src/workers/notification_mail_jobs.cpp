// The notification_mail job: one notification, as a mail to its recipient;
// email_digests: the weekly digests due; trend_review_mails: the staff
// asked to review new trends.
#include "core/time.h"
#include "services/digests.h"
#include "services/notification_emails.h"
#include "services/trend_review_mails.h"
#include "workers/handlers.h"
#include "workers/job_payload.h"

namespace agora::workers {

void notification_mail(services::Context& ctx, const boost::json::object& payload) {
  services::notification_emails::deliver(ctx, id_field(payload, "account_id"), id_field(payload, "notification_id"));
}

void email_digests(services::Context& ctx, const boost::json::object&) { services::digests::run(ctx, now_ms()); }

void trend_review_mails(services::Context& ctx, const boost::json::object&) {
  services::trend_review_mails::run(ctx, now_ms());
}

}  // namespace agora::workers
