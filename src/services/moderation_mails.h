// Mails to a member about moderators' decisions: approval of a sign-up and
// warnings/strikes (Mastodon's UserMailer#warning: the action, the
// moderator's text and the statuses it is about).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/admin_account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::moderation_mails {

void account_approved(Context& ctx, store::Connection& c, const model::AdminUser& user);
// `action` is none, disable, sensitive, silence or suspend.
void warning(Context& ctx, store::Connection& c, const model::AdminUser& user, const std::string& action,
             const std::string& text, const std::vector<int64_t>& status_ids);

}  // namespace agora::services::moderation_mails
