// E-mail confirmation and password-reset tokens of users (stored as hashes),
// and blocked e-mail domains.
#pragma once
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::user_emails {

void set_confirmation_token(Connection& c, int64_t user_id, const std::string& token_hash, int64_t now);
// Records a new address to confirm (the old one stays until it is confirmed).
void set_unconfirmed_email(Connection& c, int64_t user_id, const std::string& email);

struct PendingConfirmation {
  int64_t user_id = 0;
  int64_t sent_at = 0;
  std::optional<std::string> unconfirmed_email;
};
std::optional<PendingConfirmation> find_by_confirmation_token(Connection& c, const std::string& token_hash);
// Confirms the user (and switches to the unconfirmed address, if any).
void confirm(Connection& c, int64_t user_id, int64_t now);

void set_reset_password_token(Connection& c, int64_t user_id, const std::string& token_hash, int64_t now);
struct PendingReset {
  int64_t user_id = 0;
  int64_t sent_at = 0;
};
std::optional<PendingReset> find_by_reset_password_token(Connection& c, const std::string& token_hash);
void set_password(Connection& c, int64_t user_id, const std::string& password_hash, int64_t now);

// Replaces the address outright (an operator's change; no confirmation mail).
void set_email(Connection& c, int64_t user_id, const std::string& email, int64_t now);

// Lets a sign-up that waited for a moderator in.
void approve(Connection& c, int64_t user_id, int64_t now);

// True if `domain` or one of its parent domains is blocked for sign-ups.
bool email_domain_blocked(Connection& c, const std::string& domain);

}  // namespace agora::store::user_emails
