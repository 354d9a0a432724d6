#include "workers/handlers.h"

#include "services/admin_domains.h"
#include "services/archives.h"
#include "services/digests.h"
#include "services/imports.h"
#include "services/notification_emails.h"
#include "services/outbound_statuses.h"
#include "services/remote_emoji.h"
#include "services/suspensions.h"
#include "services/trend_review_mails.h"
#include "services/web_push.h"

namespace agora::workers {

HandlerRegistry all_handlers() {
  return {
      {"send_mail", send_mail},
      {"poll_expired", poll_expired},
      {"publish_scheduled_status", publish_scheduled_status},
      {"publish_scheduled_announcement", publish_scheduled_announcement},
      {"deliver", deliver},
      {"process_activity", process_activity},
      {services::outbound::kDistributePollUpdate, distribute_poll_update},
      {services::suspensions::kCleanupJobKind, delete_suspended_account},
      {services::kDomainSuspensionJobKind, suspend_domain},
      {"process_media", process_media},
      {"remove_unattached_media", remove_unattached_media},
      {"remove_media_files", remove_media_files},
      {"remove_stored_files", remove_stored_files},
      {"cache_remote_attachment", cache_remote_attachment},
      {"cache_remote_profile", cache_remote_profile},
      {services::remote_emoji::kJobKind, cache_remote_emoji},
      {services::web_push::kJobKind, web_push},
      {services::notification_emails::kJobKind, notification_mail},
      {services::digests::kJobKind, email_digests},
      {services::trend_review_mails::kJobKind, trend_review_mails},
      {services::kImportJobKind, process_import},
      {services::kArchiveJobKind, build_archive},
  };
}

void schedule_periodic_jobs(services::Context& ctx) {
  services::digests::schedule(ctx);
  services::trend_review_mails::schedule(ctx);
}

}  // namespace agora::workers
