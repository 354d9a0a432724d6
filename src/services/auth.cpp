#include "services/auth.h"

#include <array>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "store/accounts.h"
#include "store/oauth.h"

namespace agora::services {

namespace {

// Every scope, in the order Mastodon lists them (default first, then the
// optional ones as Doorkeeper is configured), for the OAuth metadata.
constexpr std::string_view kSupported[] = {
    "read",
    "write",
    "write:accounts",
    "write:blocks",
    "write:bookmarks",
    "write:conversations",
    "write:favourites",
    "write:filters",
    "write:follows",
    "write:lists",
    "write:media",
    "write:mutes",
    "write:notifications",
    "write:reports",
    "write:statuses",
    "read:accounts",
    "read:blocks",
    "read:bookmarks",
    "read:favourites",
    "read:filters",
    "read:follows",
    "read:lists",
    "read:mutes",
    "read:notifications",
    "read:search",
    "read:statuses",
    "follow",
    "push",
    "profile",
    "admin:read",
    "admin:read:accounts",
    "admin:read:reports",
    "admin:read:domain_allows",
    "admin:read:domain_blocks",
    "admin:read:ip_blocks",
    "admin:read:email_domain_blocks",
    "admin:read:canonical_email_blocks",
    "admin:write",
    "admin:write:accounts",
    "admin:write:reports",
    "admin:write:domain_allows",
    "admin:write:domain_blocks",
    "admin:write:ip_blocks",
    "admin:write:email_domain_blocks",
    "admin:write:canonical_email_blocks",
};

constexpr std::array kFollowScope = {"read:follows", "write:follows", "read:blocks",
                                     "write:blocks", "read:mutes",    "write:mutes"};

}  // namespace

std::span<const std::string_view> supported_scopes() { return kSupported; }

bool known_scope(std::string_view scope) {
  for (auto s : kSupported)
    if (scope == s) return true;
  return false;
}

bool scope_covers(std::string_view granted, std::string_view required) {
  if (granted == required) return true;
  // A parent covers its children: "read" ⊃ "read:x", "admin:read" ⊃ "admin:read:x".
  if (required.size() > granted.size() && required.starts_with(granted) && required[granted.size()] == ':' &&
      granted != "admin")
    return true;
  if (granted == "follow")
    for (auto s : kFollowScope)
      if (required == s) return true;
  // "profile" grants verify_credentials only, which asks for it by name.
  return false;
}

bool Auth::allows(std::string_view required) const {
  for (const auto& g : token.scopes)
    if (scope_covers(g, required)) return true;
  return false;
}

Auth authenticate(Context& ctx, std::string_view bearer_token, const std::string& remote_ip) {
  auto conn = ctx.db.acquire();
  auto found = store::oauth::find_token_with_holder(*conn, crypto::sha256_hex(bearer_token));
  if (!found) throw Error::unauthorized("The access token is invalid");
  const auto& token = found->token;
  int64_t now = now_ms();
  if (token.revoked_at) throw Error::unauthorized("The access token was revoked");
  if (token.expires_at && *token.expires_at <= now) throw Error::unauthorized("The access token expired");
  Auth auth{token, std::nullopt, std::nullopt};
  if (token.user_id) {
    if (!found->holder) throw Error::unauthorized("The access token is invalid");
    auth.user = std::move(found->holder->user);
    auth.account = std::move(found->holder->account);
  }
  // Recorded for the sessions list; written at most once a minute, not on every request.
  if (!token.last_used_at || now - *token.last_used_at > 60'000)
    store::oauth::touch_token(*conn, token.id, now, remote_ip);
  return auth;
}

void require_usable_login(const Auth& auth) {
  if (!auth.user || !auth.account) throw Error::unprocessable("This method requires an authenticated user");
  if (auth.user->disabled || auth.account->suspended_at) throw Error::forbidden("Your login is currently disabled");
  if (!auth.user->confirmed_at) throw Error::forbidden("Your login is missing a confirmed e-mail address");
  if (!auth.user->approved) throw Error::forbidden("Your login is currently pending approval");
}

}  // namespace agora::services
