// Browser sessions: started after a successful sign-in, found again from the
// session cookie's token (only its hash is stored), ended at sign-out.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

// Sessions end after a year without a visit (the cookie lasts as long).
constexpr int64_t kWebSessionIdleMs = 365LL * 24 * 3600 * 1000;

struct WebSession {
  int64_t id = 0;
  model::User user;
  model::Account account;
};

// Records the sign-in and returns the new session's token for the cookie.
std::string start_web_session(Context& ctx, const model::User& user, const std::string& user_agent,
                              const std::string& ip);
// The session for this token, or nullopt when it is unknown, idle too long,
// or its member may no longer sign in (disabled, suspended…).
std::optional<WebSession> find_web_session(Context& ctx, std::string_view token, const std::string& ip);
void end_web_session(Context& ctx, std::string_view token);

}  // namespace agora::services
