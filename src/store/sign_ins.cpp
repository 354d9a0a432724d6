#include "store/sign_ins.h"

#include "core/snowflake.h"

namespace agora::store::sign_ins {

void record_failure(Connection& c, int64_t user_id, int64_t now) {
  c.execute("UPDATE users SET failed_sign_in_attempts = failed_sign_in_attempts + 1, updated_at = ? WHERE id = ?",
            {now, user_id});
}

void record_success(Connection& c, int64_t user_id, int64_t now, const std::string& ip) {
  c.execute(
      "UPDATE users SET failed_sign_in_attempts = 0, last_sign_in_at = current_sign_in_at,"
      " current_sign_in_at = ?, last_sign_in_ip = ? WHERE id = ?",
      {now, ip, user_id});
}

void insert_challenge(Connection& c, int64_t user_id, const std::string& token_hash, const std::string& return_to,
                      int64_t expires_at, int64_t now) {
  c.execute(
      "INSERT INTO sign_in_challenges (id, user_id, token_hash, return_to, expires_at, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {next_id(), user_id, token_hash, return_to, expires_at, now});
}

std::optional<Challenge> find_challenge(Connection& c, const std::string& token_hash) {
  auto r = c.query_one("SELECT id, user_id, return_to, expires_at FROM sign_in_challenges WHERE token_hash = ?",
                       {token_hash});
  if (!r) return std::nullopt;
  return Challenge{r->int64(0), r->int64(1), r->text(2), r->int64(3)};
}

void remove_challenge(Connection& c, int64_t challenge_id) {
  c.execute("DELETE FROM sign_in_challenges WHERE id = ?", {challenge_id});
}

void prune_challenges(Connection& c, int64_t user_id, int64_t now) {
  c.execute("DELETE FROM sign_in_challenges WHERE user_id = ? OR expires_at < ?", {user_id, now});
}

}  // namespace agora::store::sign_ins
