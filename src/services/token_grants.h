// The OAuth token endpoint's grants (authorization_code with PKCE, password,
// client_credentials) and token revocation (RFC 7009), with Doorkeeper's
// checks in Doorkeeper's order. Mastodon issues no refresh tokens; neither
// does agora.
#pragma once
#include <optional>
#include <string>

#include "services/apps.h"
#include "services/context.h"
#include "services/tokens.h"

namespace agora::services {

struct TokenRequest {
  std::string grant_type;
  ClientCredentials client;
  std::string code;           // authorization_code
  std::string redirect_uri;   // authorization_code
  std::string code_verifier;  // authorization_code with PKCE
  std::string username;       // password: the e-mail address
  std::string password;       // password
  std::optional<std::string> scope;  // password, client_credentials
  std::string ip;
};

// Throws OAuthError (RFC 6749 §5.2), or Error 429 while password attempts
// are throttled.
IssuedToken grant_token(Context& ctx, const TokenRequest& request);

// Revokes an access token issued to this client (or to no client). Unknown
// tokens are fine (200, as RFC 7009 says); throws OAuthError 403 when the
// client is not authenticated or the token is another client's.
void revoke_token(Context& ctx, const ClientCredentials& client, const std::string& token);

}  // namespace agora::services
