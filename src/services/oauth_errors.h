// OAuth 2.0 errors (RFC 6749 §4.1.2.1, §5.2) worded as Doorkeeper words them.
// The token endpoint renders them as {"error": code, "error_description": …};
// the authorization endpoint redirects them to the client or shows a page.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace agora::services {

class OAuthError : public std::runtime_error {
 public:
  OAuthError(std::string code, std::string description, int status = 400)
      : std::runtime_error(code), code_(std::move(code)), description_(std::move(description)), status_(status) {}

  const std::string& code() const { return code_; }
  const std::string& description() const { return description_; }
  int status() const { return status_; }

  static OAuthError invalid_client() {
    return {"invalid_client",
            "Client authentication failed due to unknown client, no client authentication included, or unsupported "
            "authentication method.",
            401};
  }
  static OAuthError invalid_grant() {
    return {"invalid_grant",
            "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used "
            "in the authorization request, or was issued to another client."};
  }
  static OAuthError invalid_scope() { return {"invalid_scope", "The requested scope is invalid, unknown, or malformed."}; }
  static OAuthError missing_parameter(std::string_view name) {
    return {"invalid_request", "Missing required parameter: " + std::string(name) + "."};
  }
  static OAuthError unsupported_grant_type() {
    return {"unsupported_grant_type", "The authorization grant type is not supported by the authorization server."};
  }
  static OAuthError unsupported_response_type() {
    return {"unsupported_response_type", "The authorization server does not support this response type."};
  }
  static OAuthError invalid_redirect_uri() {
    return {"invalid_redirect_uri", "The requested redirect uri is malformed or doesn't match client redirect URI."};
  }
  static OAuthError invalid_code_challenge_method() {
    return {"invalid_request", "The code_challenge_method must be S256."};
  }
  static OAuthError access_denied() {
    return {"access_denied", "The resource owner or authorization server denied the request."};
  }
  static OAuthError revoke_unauthorized() {
    return {"unauthorized_client", "You are not authorized to revoke this token", 403};
  }

 private:
  std::string code_, description_;
  int status_;
};

}  // namespace agora::services
