// The TOTP secret of a member and whether it is required at sign-in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::two_factor {

struct Otp {
  std::string secret;  // base32; may be set while still unconfirmed (enabled false)
  bool enabled = false;
  std::optional<int64_t> last_used_step;
};

Otp find(Connection& c, int64_t user_id);
// Stores a secret that is not yet required (set-up in progress).
void set_pending_secret(Connection& c, int64_t user_id, const std::string& secret, int64_t now);
void enable(Connection& c, int64_t user_id, int64_t used_step, int64_t now);
void disable(Connection& c, int64_t user_id, int64_t now);
// Records an accepted code's time step unless that step (or a later one) was
// already used; false means the code is a replay.
bool use_step(Connection& c, int64_t user_id, int64_t step);

}  // namespace agora::store::two_factor
