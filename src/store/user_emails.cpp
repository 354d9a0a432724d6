#include "store/user_emails.h"

namespace agora::store::user_emails {

void set_confirmation_token(Connection& c, int64_t user_id, const std::string& token_hash, int64_t now) {
  c.execute("UPDATE users SET confirmation_token_hash = ?, confirmation_sent_at = ?, updated_at = ? WHERE id = ?",
            {token_hash, now, now, user_id});
}

void set_unconfirmed_email(Connection& c, int64_t user_id, const std::string& email) {
  c.execute("UPDATE users SET unconfirmed_email = ? WHERE id = ?", {email, user_id});
}

std::optional<PendingConfirmation> find_by_confirmation_token(Connection& c, const std::string& token_hash) {
  auto r = c.query_one(
      "SELECT id, confirmation_sent_at, unconfirmed_email FROM users WHERE confirmation_token_hash = ?",
      {token_hash});
  if (!r) return std::nullopt;
  return PendingConfirmation{r->int64(0), r->int64(1), r->opt_text(2)};
}

void confirm(Connection& c, int64_t user_id, int64_t now) {
  c.execute(
      "UPDATE users SET confirmed_at = COALESCE(confirmed_at, ?), email = COALESCE(unconfirmed_email, email),"
      " unconfirmed_email = NULL, confirmation_token_hash = NULL, updated_at = ? WHERE id = ?",
      {now, now, user_id});
}

void set_reset_password_token(Connection& c, int64_t user_id, const std::string& token_hash, int64_t now) {
  c.execute("UPDATE users SET reset_password_token_hash = ?, reset_password_sent_at = ?, updated_at = ? WHERE id = ?",
            {token_hash, now, now, user_id});
}

std::optional<PendingReset> find_by_reset_password_token(Connection& c, const std::string& token_hash) {
  auto r = c.query_one("SELECT id, reset_password_sent_at FROM users WHERE reset_password_token_hash = ?",
                       {token_hash});
  if (!r) return std::nullopt;
  return PendingReset{r->int64(0), r->int64(1)};
}

void set_email(Connection& c, int64_t user_id, const std::string& email, int64_t now) {
  c.execute("UPDATE users SET email = ?, unconfirmed_email = NULL, updated_at = ? WHERE id = ?", {email, now, user_id});
}

void set_password(Connection& c, int64_t user_id, const std::string& password_hash, int64_t now) {
  c.execute(
      "UPDATE users SET password_hash = ?, reset_password_token_hash = NULL, failed_sign_in_attempts = 0,"
      " updated_at = ? WHERE id = ?",
      {password_hash, now, user_id});
}

void approve(Connection& c, int64_t user_id, int64_t now) {
  c.execute("UPDATE users SET approved = ?, updated_at = ? WHERE id = ?", {true, now, user_id});
}

bool email_domain_blocked(Connection& c, const std::string& domain) {
  // a.b.example.org is blocked by a block on b.example.org or example.org.
  std::string d = domain;
  while (!d.empty()) {
    if (c.query_one("SELECT 1 FROM email_domain_blocks WHERE domain = lower(?)", {d})) return true;
    auto dot = d.find('.');
    if (dot == std::string::npos) break;
    d = d.substr(dot + 1);
  }
  return false;
}

}  // namespace agora::store::user_emails
