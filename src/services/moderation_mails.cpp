#include "services/moderation_mails.h"

#include "services/mailer.h"
#include "store/statuses.h"

namespace agora::services::moderation_mails {

void account_approved(Context& ctx, store::Connection& c, const model::AdminUser& user) {
  enqueue_template_mail(ctx, c, user.email, user.locale, "account_approved",
                        {{"link", ctx.config.base_url() + "/auth/sign_in"}});
}

void warning(Context& ctx, store::Connection& c, const model::AdminUser& user, const std::string& action,
             const std::string& text, const std::vector<int64_t>& status_ids) {
  std::string statuses;
  for (int64_t id : status_ids)
    if (auto s = store::statuses::find(c, id); s && !s->url.empty()) statuses += (statuses.empty() ? "" : "\n") + s->url;
  enqueue_template_mail(ctx, c, user.email, user.locale, "warning_" + action,
                        {{"text", text}, {"statuses", statuses}});
}

}  // namespace agora::services::moderation_mails
