// Two-factor authentication with TOTP codes (RFC 6238: HMAC-SHA1, 30 s steps,
// 6 digits, one step of clock drift either way), as authenticator apps use.
#pragma once
#include <string>
#include <string_view>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

struct TotpSetup {
  bool enabled = false;
  std::string secret;       // base32, to type into the app (empty once enabled)
  std::string otpauth_uri;  // otpauth://totp/… for apps that read it (empty once enabled)
};

// The member's state; while 2FA is off, prepares (or reuses) a secret to be
// confirmed with enable_totp. `issuer` names this server in the app.
TotpSetup totp_setup(Context& ctx, const model::User& user, const std::string& issuer);

// Turns 2FA on after checking the password and a code for the prepared
// secret. Throws Error 422 with Mastodon's message otherwise; failures are
// throttled like sign-ins (429).
void enable_totp(Context& ctx, const model::User& user, std::string_view password, std::string_view code,
                 const std::string& ip);
// Turns 2FA off; needs a current code. Throws Error 422 otherwise, or 429.
void disable_totp(Context& ctx, const model::User& user, std::string_view code, const std::string& ip);

// True if `code` is valid now for the member's enabled secret and its time
// step was not used before (a code works once).
bool accept_totp_code(store::Connection& c, int64_t user_id, std::string_view code);

}  // namespace agora::services
