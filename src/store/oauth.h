// OAuth applications, authorization codes and access tokens. Secrets that
// grant access (codes, tokens, refresh tokens) are stored as SHA-256 hashes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/oauth.h"
#include "store/accounts.h"
#include "store/database.h"

namespace agora::store::oauth {

void insert_application(Connection& c, const model::OAuthApplication& app);
std::optional<model::OAuthApplication> find_application(Connection& c, int64_t id);
std::optional<model::OAuthApplication> find_application_by_client_id(Connection& c, const std::string& client_id);

struct NewToken {
  std::optional<int64_t> application_id;
  std::optional<int64_t> user_id;
  std::string token_hash;
  std::optional<std::string> refresh_token_hash;
  std::string scopes;  // space-separated
  std::optional<int64_t> expires_at;
};
int64_t insert_token(Connection& c, const NewToken& token, int64_t now);
std::optional<model::AccessToken> find_token_by_hash(Connection& c, const std::string& token_hash);
// The token with its user and account (none for an app-only token), in one statement.
struct TokenWithHolder {
  model::AccessToken token;
  std::optional<accounts::Holder> holder;
};
std::optional<TokenWithHolder> find_token_with_holder(Connection& c, const std::string& token_hash);
std::optional<model::AccessToken> find_token_by_refresh_hash(Connection& c, const std::string& refresh_hash);
void revoke_token(Connection& c, int64_t token_id, int64_t now);
// Ids of a member's tokens not revoked yet (to close their streams after revoking them).
std::vector<int64_t> live_token_ids(Connection& c, int64_t user_id);
// Every token of a user (a password reset signs them out everywhere).
void revoke_user_tokens(Connection& c, int64_t user_id, int64_t now);
void touch_token(Connection& c, int64_t token_id, int64_t now, const std::string& ip);
// The scopes of each unrevoked, unexpired token a member gave an application.
std::vector<std::vector<std::string>> active_token_scopes(Connection& c, int64_t application_id, int64_t user_id,
                                                         int64_t now);

struct NewGrant {
  int64_t application_id = 0;
  int64_t user_id = 0;
  std::string code_hash;
  std::string redirect_uri;
  std::string scopes;
  std::optional<std::string> code_challenge;
  std::optional<std::string> code_challenge_method;
  int64_t expires_at = 0;
};
void insert_grant(Connection& c, const NewGrant& grant, int64_t now);
struct Grant {
  int64_t id = 0;
  int64_t application_id = 0;
  int64_t user_id = 0;
  std::string redirect_uri;
  std::string scopes;
  std::optional<std::string> code_challenge;
  std::optional<std::string> code_challenge_method;
  int64_t expires_at = 0;
  std::optional<int64_t> revoked_at;
};
std::optional<Grant> find_grant_by_code_hash(Connection& c, const std::string& code_hash);
// Marks a code used; false if it was already used (a replayed code).
bool consume_grant(Connection& c, int64_t grant_id, int64_t now);

std::vector<std::string> split_scopes(const std::string& text);
std::string join_scopes(const std::vector<std::string>& scopes);

}  // namespace agora::store::oauth
