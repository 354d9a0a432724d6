// Notification e-mails as Mastodon's NotificationMailer: mention, follow,
// follow_request, favourite and reblog, each on or off per member in
// users.preferences under "notification_emails" (Mastodon's defaults: follow,
// follow_request and mention on). Mails go through `notification_mail` jobs
// and carry a one-click List-Unsubscribe link signed for member and type.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::notification_emails {

inline constexpr const char* kJobKind = "notification_mail";

bool mailable_type(const std::string& type);
// The member's choices, Mastodon's keys: the notification types above, and
// "digest" (the weekly digest, off unless chosen), and the staff's report,
// pending_account, appeal and trends (see staff_notifications.h).
const std::vector<std::string>& preference_keys();
bool preference_key(const std::string& key);
bool wants(const model::User& user, const std::string& key);
void set_wanted(store::Connection& c, int64_t user_id, const std::string& key, bool on);
// The settings page: every key with its current choice, and saving the keys
// it showed at once (those in `on` are on, the others of `shown` off).
std::map<std::string, bool> choices(Context& ctx, int64_t user_id);
void save_choices(Context& ctx, int64_t user_id, const std::vector<std::string>& on,
                  const std::vector<std::string>& shown);

// From the notify path, in its transaction: a job when the member may want a mail.
void enqueue(store::Connection& c, int64_t recipient_account_id, const std::string& type, int64_t notification_id);
// The job: renders the mail in the member's language and hands it to send_mail.
void deliver(Context& ctx, int64_t recipient_account_id, int64_t notification_id);

// A token naming member and preference key, signed with the server's key.
std::string unsubscribe_token(Context& ctx, int64_t user_id, const std::string& type);
struct Unsubscribe {
  int64_t user_id = 0;
  std::string type;
};
std::optional<Unsubscribe> verify_unsubscribe_token(Context& ctx, const std::string& token);
// Verifies and turns the key off; false for a bad token.
bool unsubscribe(Context& ctx, const std::string& token);

}  // namespace agora::services::notification_emails
