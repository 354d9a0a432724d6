#include "store/two_factor.h"

namespace agora::store::two_factor {

Otp find(Connection& c, int64_t user_id) {
  auto r = c.query_one("SELECT otp_secret, otp_enabled, otp_last_used_step FROM users WHERE id = ?", {user_id});
  if (!r) return {};
  return Otp{r->text(0), r->boolean(1), r->opt_int64(2)};
}

void set_pending_secret(Connection& c, int64_t user_id, const std::string& secret, int64_t now) {
  c.execute("UPDATE users SET otp_secret = ?, otp_enabled = ?, updated_at = ? WHERE id = ?",
            {secret, false, now, user_id});
}

void enable(Connection& c, int64_t user_id, int64_t used_step, int64_t now) {
  c.execute("UPDATE users SET otp_enabled = ?, otp_last_used_step = ?, updated_at = ? WHERE id = ?",
            {true, used_step, now, user_id});
}

void disable(Connection& c, int64_t user_id, int64_t now) {
  c.execute(
      "UPDATE users SET otp_enabled = ?, otp_secret = NULL, otp_last_used_step = NULL, updated_at = ? WHERE id = ?",
      {false, now, user_id});
}

bool use_step(Connection& c, int64_t user_id, int64_t step) {
  // One conditional UPDATE, so two concurrent sign-ins cannot both use a code.
  return c.execute(
             "UPDATE users SET otp_last_used_step = ? WHERE id = ?"
             " AND (otp_last_used_step IS NULL OR otp_last_used_step < ?)",
             {step, user_id, step}) == 1;
}

}  // namespace agora::store::two_factor
