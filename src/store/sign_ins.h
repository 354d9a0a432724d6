// Sign-in bookkeeping on users (failed attempts, last sign-in) and the
// pending second step for members with two-factor authentication.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::sign_ins {

void record_failure(Connection& c, int64_t user_id, int64_t now);
// Resets the failure count and shifts current → last sign-in.
void record_success(Connection& c, int64_t user_id, int64_t now, const std::string& ip);

struct Challenge {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string return_to;
  int64_t expires_at = 0;
};
void insert_challenge(Connection& c, int64_t user_id, const std::string& token_hash, const std::string& return_to,
                      int64_t expires_at, int64_t now);
std::optional<Challenge> find_challenge(Connection& c, const std::string& token_hash);
void remove_challenge(Connection& c, int64_t challenge_id);
// Drops a member's older challenges and everyone's expired ones.
void prune_challenges(Connection& c, int64_t user_id, int64_t now);

}  // namespace agora::store::sign_ins
