// Browser sessions of signed-in members. The cookie holds a random token;
// only its SHA-256 hash is stored.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::web_sessions {

struct Session {
  int64_t id = 0;
  int64_t user_id = 0;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
};

int64_t insert(Connection& c, int64_t user_id, const std::string& token_hash, const std::string& user_agent,
               const std::string& ip, int64_t now);
std::optional<Session> find_by_token_hash(Connection& c, const std::string& token_hash);
void touch(Connection& c, int64_t session_id, int64_t now, const std::string& ip);
void remove(Connection& c, int64_t session_id);
// Ends every session of a member but `keep_id` (0: all).
void remove_for_user(Connection& c, int64_t user_id, int64_t keep_id = 0);

}  // namespace agora::store::web_sessions
