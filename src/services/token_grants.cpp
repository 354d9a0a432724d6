#include "services/token_grants.h"

#include "core/crypto.h"
#include "core/time.h"
#include "services/oauth_errors.h"
#include "services/oauth_scopes.h"
#include "services/pkce.h"
#include "services/sign_in.h"
#include "services/stream_events.h"
#include "store/oauth.h"

namespace agora::services {

namespace {

IssuedToken exchange_code(Context& ctx, const TokenRequest& r) {
  if (r.code.empty()) throw OAuthError::missing_parameter("code");
  if (r.redirect_uri.empty()) throw OAuthError::missing_parameter("redirect_uri");
  auto app = authenticate_client(ctx, r.client);
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    auto grant = store::oauth::find_grant_by_code_hash(*conn, crypto::sha256_hex(r.code));
    int64_t now = now_ms();
    if (!grant || grant->application_id != app.id || grant->revoked_at || grant->expires_at <= now ||
        grant->redirect_uri != r.redirect_uri ||
        !pkce_satisfied(grant->code_challenge.value_or(""), grant->code_challenge_method.value_or(""),
                        r.code_verifier))
      throw OAuthError::invalid_grant();
    // Consuming inside the transaction makes the code single-use even when
    // two exchanges race.
    if (!store::oauth::consume_grant(*conn, grant->id, now)) throw OAuthError::invalid_grant();
    return issue_token(*conn, app.id, grant->user_id, grant->scopes, false);
  });
}

IssuedToken password_grant(Context& ctx, const TokenRequest& r) {
  auto app = authenticate_client(ctx, r.client);
  auto user = check_password(ctx, r.username, r.password, r.ip);
  // As Mastodon: a member with two-factor authentication cannot use this grant.
  if (!user || user->otp_enabled) throw OAuthError::invalid_grant();
  auto scopes = requested_scopes(r.scope);
  if (!scopes_permitted(scopes, app.scopes)) throw OAuthError::invalid_scope();
  auto conn = ctx.db.acquire();
  return issue_token(*conn, app.id, user->id, store::oauth::join_scopes(scopes), false);
}

IssuedToken client_credentials_grant(Context& ctx, const TokenRequest& r) {
  auto app = authenticate_client(ctx, r.client);
  auto scopes = requested_scopes(r.scope);
  if (!scopes_permitted(scopes, app.scopes)) throw OAuthError::invalid_scope();
  auto conn = ctx.db.acquire();
  return issue_token(*conn, app.id, std::nullopt, store::oauth::join_scopes(scopes), false);
}

}  // namespace

IssuedToken grant_token(Context& ctx, const TokenRequest& r) {
  if (r.grant_type.empty()) throw OAuthError::missing_parameter("grant_type");
  if (r.grant_type == "authorization_code") return exchange_code(ctx, r);
  if (r.grant_type == "password") return password_grant(ctx, r);
  if (r.grant_type == "client_credentials") return client_credentials_grant(ctx, r);
  throw OAuthError::unsupported_grant_type();
}

void revoke_token(Context& ctx, const ClientCredentials& client, const std::string& token) {
  std::optional<model::OAuthApplication> app;
  try {
    app = authenticate_client(ctx, client);
  } catch (const OAuthError&) {
    throw OAuthError::revoke_unauthorized();
  }
  if (token.empty()) return;
  auto conn = ctx.db.acquire();
  auto found = store::oauth::find_token_by_hash(*conn, crypto::sha256_hex(token));
  if (!found) found = store::oauth::find_token_by_refresh_hash(*conn, crypto::sha256_hex(token));
  if (!found) return;
  if (found->application_id && *found->application_id != app->id) throw OAuthError::revoke_unauthorized();
  store::oauth::revoke_token(*conn, found->id, now_ms());
  stream_events::token_revoked(*conn, found->id);
}

}  // namespace agora::services
