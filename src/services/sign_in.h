// Signing in with an e-mail address and password (the web form and the OAuth
// password grant) and, for members with two-factor authentication, the
// second step with a code from their authenticator app. Failures are
// throttled (services/sign_in_throttle.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

// How long the code step of a two-factor sign-in stays open.
constexpr int64_t kSignInChallengeTtlMs = 5 * 60 * 1000;

// The member with this e-mail address and password, or nullopt (a failure,
// counted). Throws Error 429 "Too many requests" while throttled.
std::optional<model::User> check_password(Context& ctx, std::string_view email, std::string_view password,
                                          const std::string& ip);

// Why this member may not sign in (Mastodon's message), or nullptr if they
// may: not disabled or suspended, e-mail address confirmed, approved.
const char* sign_in_refusal(const model::User& user, const model::Account* account);
// Throws Error 403 with that message.
void require_sign_in_allowed(Context& ctx, const model::User& user);

struct PasswordSignIn {
  model::User user;
  std::string challenge;  // non-empty when a two-factor code is still due
};
// Throws Error 401 "Invalid E-mail address or password.", 403 or 429.
PasswordSignIn sign_in_with_password(Context& ctx, std::string_view email, std::string_view password,
                                     const std::string& ip, const std::string& return_to);

struct CodeSignIn {
  model::User user;
  std::string return_to;  // as given with the password step
};
// Completes a two-factor sign-in; nullopt when the code is wrong (the
// challenge stays open for another try). Throws Error 401 when the challenge
// is unknown or expired, 403 or 429.
std::optional<CodeSignIn> sign_in_with_code(Context& ctx, std::string_view challenge, std::string_view code,
                                            const std::string& ip);

}  // namespace agora::services
