// Issuing access tokens (OAuth grants, the CLI).
#pragma once
#include <optional>
#include <string>

#include "services/context.h"

namespace agora::services {

struct IssuedToken {
  int64_t id = 0;
  std::string access_token;   // shown once; only its hash is stored
  std::string refresh_token;  // empty unless asked for
  std::string scopes;
  int64_t created_at = 0;
};

// Issues a token for a user (or, without user_id, for the application alone).
// Call inside the caller's transaction when it writes other rows too.
IssuedToken issue_token(store::Connection& c, std::optional<int64_t> application_id, std::optional<int64_t> user_id,
                        const std::string& scopes, bool with_refresh_token);

}  // namespace agora::services
