// Who is asking: resolving a bearer token to its application, user and
// account, and Mastodon's scope rules.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "model/oauth.h"
#include "services/context.h"

namespace agora::services {

struct Auth {
  model::AccessToken token;
  std::optional<model::User> user;        // none for app-only (client_credentials) tokens
  std::optional<model::Account> account;  // the user's account

  // True if any granted scope covers `required` (see scope_covers).
  bool allows(std::string_view required) const;
};

// "read" covers "read:statuses", "admin:read" covers "admin:read:accounts",
// and the old "follow" covers reading and writing follows, blocks and mutes.
bool scope_covers(std::string_view granted, std::string_view required);
// Every scope agora knows (top-level and granular), for validating requests.
bool known_scope(std::string_view scope);
// The same scopes in Mastodon's order (OAuth server metadata).
std::span<const std::string_view> supported_scopes();

// Resolves a bearer token; throws Error 401 when it is unknown, revoked or
// expired ("The access token is invalid" / "was revoked" / "expired").
Auth authenticate(Context& ctx, std::string_view bearer_token, const std::string& remote_ip);

// Throws 403 unless the signed-in member may act: confirmed, approved, not
// disabled or suspended.
void require_usable_login(const Auth& auth);

}  // namespace agora::services
