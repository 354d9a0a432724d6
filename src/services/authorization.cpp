#include "services/authorization.h"

#include <algorithm>

#include "core/crypto.h"
#include "core/time.h"
#include "services/oauth_scopes.h"
#include "services/redirect_uris.h"
#include "store/oauth.h"

namespace agora::services {

namespace {

constexpr size_t kMaxCodeChallengeLength = 128;

std::string error_redirect(const PreAuthorization& pre, const OAuthError& e) {
  std::vector<std::pair<std::string, std::string>> params{{"error", e.code()},
                                                           {"error_description", e.description()}};
  if (!pre.state.empty()) params.emplace_back("state", pre.state);
  return with_parameters(pre.redirect_uri, params, pre.fragment);
}

OAuthError unsupported_response_mode() {
  return {"unsupported_response_mode", "The authorization server does not support this response mode."};
}

}  // namespace

bool PreAuthorization::out_of_band() const { return redirect_uri == kOutOfBandRedirectUri; }
std::string PreAuthorization::scope_string() const { return store::oauth::join_scopes(scopes); }

PreAuthorization pre_authorize(Context& ctx, const AuthorizationRequest& r) {
  auto fail = [](OAuthError e) { return AuthorizationError(std::move(e), ""); };
  if (r.client_id.empty()) throw fail(OAuthError::missing_parameter("client_id"));
  std::optional<model::OAuthApplication> app;
  {
    auto conn = ctx.db.acquire();
    app = store::oauth::find_application_by_client_id(*conn, r.client_id);
  }
  if (!app) throw fail(OAuthError::invalid_client());
  auto registered = std::find_if(app->redirect_uris.begin(), app->redirect_uris.end(),
                                 [&](const std::string& uri) { return redirect_uri_matches(r.redirect_uri, uri); });
  if (r.redirect_uri.empty() || registered == app->redirect_uris.end()) throw fail(OAuthError::invalid_redirect_uri());

  PreAuthorization pre{*app,           r.redirect_uri,          requested_scopes(r.scope), r.state,
                       r.code_challenge, r.code_challenge_method, r.response_mode == "fragment"};
  // From here on, errors go back to the client unless it is out of band.
  auto redirectable = [&](OAuthError e) {
    return AuthorizationError(e, pre.out_of_band() ? "" : error_redirect(pre, e));
  };
  if (r.response_type.empty()) throw redirectable(OAuthError::missing_parameter("response_type"));
  if (r.response_type != "code") throw redirectable(OAuthError::unsupported_response_type());
  if (!r.response_mode.empty() && r.response_mode != "query" && r.response_mode != "fragment")
    throw redirectable(unsupported_response_mode());
  if (!scopes_permitted(pre.scopes, app->scopes)) throw redirectable(OAuthError::invalid_scope());
  if (!r.code_challenge.empty() &&
      (r.code_challenge_method != "S256" || r.code_challenge.size() > kMaxCodeChallengeLength))
    throw redirectable(OAuthError::invalid_code_challenge_method());
  if (r.code_challenge.empty()) pre.code_challenge_method.clear();
  return pre;
}

bool previously_authorized(Context& ctx, const PreAuthorization& pre, int64_t user_id) {
  auto conn = ctx.db.acquire();
  for (const auto& granted : store::oauth::active_token_scopes(*conn, pre.app.id, user_id, now_ms()))
    if (scopes_include(granted, pre.scopes)) return true;
  return false;
}

Approval approve_authorization(Context& ctx, const PreAuthorization& pre, int64_t user_id) {
  std::string code = crypto::random_token(32);
  int64_t now = now_ms();
  auto optional = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); };
  store::oauth::NewGrant grant{pre.app.id,
                               user_id,
                               crypto::sha256_hex(code),
                               pre.redirect_uri,
                               pre.scope_string(),
                               optional(pre.code_challenge),
                               optional(pre.code_challenge_method),
                               now + kAuthorizationCodeTtlMs};
  {
    auto conn = ctx.db.acquire();
    store::oauth::insert_grant(*conn, grant, now);
  }
  if (pre.out_of_band()) return {"", code};
  std::vector<std::pair<std::string, std::string>> params{{"code", code}};
  if (!pre.state.empty()) params.emplace_back("state", pre.state);
  return {with_parameters(pre.redirect_uri, params, pre.fragment), ""};
}

std::string deny_authorization(const PreAuthorization& pre) {
  if (pre.out_of_band()) return "";
  return error_redirect(pre, OAuthError::access_denied());
}

}  // namespace agora::services
