// Changes to a member's login an operator makes from the command line
// (agora accounts modify / reset-password, as tootctl accounts modify).
#pragma once
#include <cstdint>
#include <string>

#include "services/context.h"

namespace agora::services::account_operations {

// Sets a new random password and signs the member out everywhere: every
// access token revoked (open streams closed) and every browser session
// ended. Returns the password, to be shown once.
std::string reset_password(Context& ctx, int64_t user_id);

// Replaces the member's address; 422 when it is invalid or another member's.
void change_email(Context& ctx, int64_t user_id, const std::string& email);

}  // namespace agora::services::account_operations
