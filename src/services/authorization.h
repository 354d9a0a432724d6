// The OAuth authorization endpoint's rules (RFC 6749 §4.1, RFC 7636): which
// requests are valid, whether a member already authorized an application,
// and issuing the one-time authorization code.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/oauth.h"
#include "services/context.h"
#include "services/oauth_errors.h"

namespace agora::services {

constexpr int64_t kAuthorizationCodeTtlMs = 10 * 60 * 1000;

struct AuthorizationRequest {
  std::string response_type;
  std::string client_id;
  std::string redirect_uri;
  std::optional<std::string> scope;
  std::string state;
  std::string code_challenge;
  std::string code_challenge_method;
  std::string response_mode;  // "query" (default) or "fragment"
};

// A request that passed validation: what the consent page shows and what
// approving it grants.
struct PreAuthorization {
  model::OAuthApplication app;
  std::string redirect_uri;
  std::vector<std::string> scopes;
  std::string state;
  std::string code_challenge;
  std::string code_challenge_method;
  bool fragment = false;  // response_mode=fragment

  bool out_of_band() const;
  std::string scope_string() const;  // space-separated, as the scope parameter
};

// An invalid request. When the redirect URI was valid (and not out of band),
// `redirect_to` sends the error back to the client, as RFC 6749 asks;
// otherwise the member is shown the error.
class AuthorizationError : public OAuthError {
 public:
  AuthorizationError(OAuthError error, std::string redirect_to)
      : OAuthError(std::move(error)), redirect_to_(std::move(redirect_to)) {}
  const std::string& redirect_to() const { return redirect_to_; }

 private:
  std::string redirect_to_;
};

// Validates in Doorkeeper's order; throws AuthorizationError.
PreAuthorization pre_authorize(Context& ctx, const AuthorizationRequest& request);

// True if the member already holds a live token for this application that
// covers the requested scopes (Mastodon then skips the consent page).
bool previously_authorized(Context& ctx, const PreAuthorization& pre, int64_t user_id);

struct Approval {
  std::string redirect_to;  // the redirect URI with code and state…
  std::string code;         // …or, out of band, the code to show the member
};
// Stores a single-use code (hashed; valid 10 minutes).
Approval approve_authorization(Context& ctx, const PreAuthorization& pre, int64_t user_id);
// Where to send the browser when the member denies: the redirect URI with
// access_denied, or "" for out of band (show the error instead).
std::string deny_authorization(const PreAuthorization& pre);

}  // namespace agora::services
