// Signing up (POST /api/v1/accounts and the web form): the instance's
// registration mode, the agreement, e-mail checks, the confirmation mail and
// the first access token, all in one transaction.
#pragma once
#include <optional>
#include <string>

#include "model/account.h"
#include "services/context.h"
#include "services/tokens.h"

namespace agora::services {

struct SignUp {
  std::string username;
  std::string email;
  std::string password;
  bool agreement = false;
  std::string locale = "en";
  std::string reason;
  std::string ip;
  std::optional<int64_t> application_id;  // the app signing the member up
  std::string scopes = "read";            // for the token issued to the new member
  bool issue_token = true;                // the web form signs up without one
  std::string invite_code;                // an invite link's code: open even when registrations are closed
};

struct SignedUp {
  model::CreatedAccount account;
  IssuedToken token;  // empty when none was asked for
};

// 403 when registrations are closed (unless through a usable invite); 422 with Mastodon's details otherwise.
SignedUp sign_up(Context& ctx, const SignUp& request);

// Sends (again) the confirmation mail; with `new_email`, to that address.
// 403 if the e-mail is already confirmed.
void resend_confirmation(Context& ctx, int64_t user_id, const std::optional<std::string>& new_email);

// Confirms the address a token was mailed to. Returns false for an unknown or
// expired token.
bool confirm_email(Context& ctx, const std::string& token);

}  // namespace agora::services
