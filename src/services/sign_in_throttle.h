// Brute-force protection for everything that checks a member's secrets
// (password, two-factor code): failures are counted per e-mail address and
// per client address in fixed windows; past the limit, attempts get 429.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.h"

namespace agora::services {

constexpr int64_t kSignInWindowMs = 5 * 60 * 1000;
constexpr int64_t kMaxSignInFailuresPerAccount = 5;
// Higher than per account: a school or an office may share one address.
constexpr int64_t kMaxSignInFailuresPerAddress = 20;

// Throws Error 429 "Too many requests" while this e-mail address or client
// address has used up its failures.
void throw_if_sign_in_throttled(store::Connection& c, std::string_view email, const std::string& ip);
// Counts a failure against both (and the member's failed_sign_in_attempts).
void count_sign_in_failure(store::Connection& c, std::string_view email, const std::string& ip,
                           std::optional<int64_t> user_id);
// After a success, the account starts afresh (the address does not).
void clear_sign_in_failures(store::Connection& c, std::string_view email);

}  // namespace agora::services
