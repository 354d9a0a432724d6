// The OAuth endpoints clients call directly: POST /oauth/token,
// POST /oauth/revoke and the server metadata. The browser-facing
// /oauth/authorize lives in the web face.
#include <boost/json/object.hpp>

#include "api/api.h"
#include "core/crypto.h"
#include "entities/oauth.h"
#include "http/params.h"
#include "services/auth.h"
#include "services/oauth_errors.h"
#include "services/token_grants.h"

namespace agora::api {

namespace {

std::string param(const http::Request& req, std::string_view key) {
  return http::param_string(req.params, key).value_or("");
}

// HTTP Basic (client_secret_basic, its parts form-encoded as RFC 6749 §2.3.1
// says) or client_id/client_secret parameters (client_secret_post).
services::ClientCredentials client_credentials(const http::Request& req) {
  if (auto header = req.headers.get("Authorization"); header && header->size() > 6 &&
                                                      http::iequals(header->substr(0, 6), "Basic ")) {
    auto decoded = crypto::base64_decode(header->substr(6));
    auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) return {};
    return {http::percent_decode(decoded->substr(0, colon), true), http::percent_decode(decoded->substr(colon + 1), true)};
  }
  return {param(req, "client_id"), param(req, "client_secret")};
}

http::Response no_store(http::Response r) {
  r.headers.set("Cache-Control", "no-store");
  r.headers.set("Pragma", "no-cache");
  return r;
}

http::Response oauth_error(const services::OAuthError& e) {
  auto r = http::Response::json(boost::json::object{{"error", e.code()}, {"error_description", e.description()}},
                                e.status());
  r.headers.set("WWW-Authenticate", "Bearer realm=\"Doorkeeper\", error=\"" + e.code() + "\", error_description=\"" +
                                        e.description() + "\"");
  return no_store(std::move(r));
}

}  // namespace

void register_oauth_routes(http::Router& router, services::Context& ctx) {
  router.post("/oauth/token", [&ctx](http::Request& req) {
    services::TokenRequest request{param(req, "grant_type"),
                                   client_credentials(req),
                                   param(req, "code"),
                                   param(req, "redirect_uri"),
                                   param(req, "code_verifier"),
                                   param(req, "username"),
                                   param(req, "password"),
                                   http::param_string(req.params, "scope"),
                                   req.remote_address};
    try {
      auto t = services::grant_token(ctx, request);
      return no_store(http::Response::json(entities::token(t.access_token, t.scopes, t.created_at)));
    } catch (const services::OAuthError& e) {
      return oauth_error(e);
    }
  });

  router.post("/oauth/revoke", [&ctx](http::Request& req) {
    try {
      services::revoke_token(ctx, client_credentials(req), param(req, "token"));
      return http::Response::json(boost::json::object{});
    } catch (const services::OAuthError& e) {
      return oauth_error(e);
    }
  });

  router.get("/.well-known/oauth-authorization-server", [&ctx](http::Request&) {
    auto r = http::Response::json(entities::oauth_metadata(ctx.config.base_url(), services::supported_scopes()));
    r.headers.set("Cache-Control", "max-age=0, private, must-revalidate");
    return r;
  });
}

}  // namespace agora::api
