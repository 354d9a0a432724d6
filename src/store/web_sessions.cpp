#include "store/web_sessions.h"

#include "core/snowflake.h"

namespace agora::store::web_sessions {

int64_t insert(Connection& c, int64_t user_id, const std::string& token_hash, const std::string& user_agent,
               const std::string& ip, int64_t now) {
  int64_t id = next_id();
  c.execute(
      "INSERT INTO web_sessions (id, user_id, token_hash, user_agent, ip, created_at, last_seen_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      {id, user_id, token_hash, user_agent, ip, now, now});
  return id;
}

std::optional<Session> find_by_token_hash(Connection& c, const std::string& token_hash) {
  auto r = c.query_one("SELECT id, user_id, created_at, last_seen_at FROM web_sessions WHERE token_hash = ?",
                       {token_hash});
  if (!r) return std::nullopt;
  return Session{r->int64(0), r->int64(1), r->int64(2), r->int64(3)};
}

void touch(Connection& c, int64_t session_id, int64_t now, const std::string& ip) {
  c.execute("UPDATE web_sessions SET last_seen_at = ?, ip = ? WHERE id = ?", {now, ip, session_id});
}

void remove(Connection& c, int64_t session_id) { c.execute("DELETE FROM web_sessions WHERE id = ?", {session_id}); }

void remove_for_user(Connection& c, int64_t user_id, int64_t keep_id) {
  c.execute("DELETE FROM web_sessions WHERE user_id = ? AND id <> ?", {user_id, keep_id});
}

}  // namespace agora::store::web_sessions
