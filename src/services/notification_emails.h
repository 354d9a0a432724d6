// Notification e-mails as Mastodon's NotificationMailer: mention, follow,
// follow_request, favourite and reblog, each on or off per member in
// users.preferences under "notification_emails" (Mastodon's defaults: follow,
// follow_request and mention on). Mails go through `notification_mail` jobs
// and carry a one-click List-Unsubscribe link signed for member and type.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::notification_emails {

inline constexpr const char* kJobKind = "notification_mail";

bool mailable_type(const std::string& type);
bool wants(const model::User& user, const std::string& type);
void set_wanted(store::Connection& c, int64_t user_id, const std::string& type, bool on);

// From the notify path, in its transaction: a job when the member may want a mail.
void enqueue(store::Connection& c, int64_t recipient_account_id, const std::string& type, int64_t notification_id);
// The job: renders the mail in the member's language and hands it to send_mail.
void deliver(Context& ctx, int64_t recipient_account_id, int64_t notification_id);

// A token naming member and type, signed with the server's key.
std::string unsubscribe_token(Context& ctx, int64_t user_id, const std::string& type);
struct Unsubscribe {
  int64_t user_id = 0;
  std::string type;
};
std::optional<Unsubscribe> verify_unsubscribe_token(Context& ctx, const std::string& token);
// Verifies and turns the type off; false for a bad token.
bool unsubscribe(Context& ctx, const std::string& token);

}  // namespace agora::services::notification_emails
