#include "store/oauth.h"

#include <sstream>

#include "core/snowflake.h"
#include "core/time.h"
#include "store/statement.h"

namespace agora::store::oauth {

std::vector<std::string> split_scopes(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string s;
  while (in >> s)
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  return out;
}

std::string join_scopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) out += (out.empty() ? "" : " ") + s;
  return out;
}

namespace {
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

constexpr const char* kAppColumns = "id, name, website, redirect_uris, scopes, client_id, client_secret, created_at";

model::OAuthApplication app_from(const Row& r) {
  return {r.int64(0), r.text(1), r.text(2), split_lines(r.text(3)), split_scopes(r.text(4)),
          r.text(5),  r.text(6), r.int64(7)};
}

constexpr const char* kTokenColumns =
    "id, application_id, user_id, scopes, expires_at, revoked_at, created_at, last_used_at";

model::AccessToken token_from(const Row& r) {
  return {r.int64(0),     r.opt_int64(1), r.opt_int64(2), split_scopes(r.text(3)), r.opt_int64(4),
          r.opt_int64(5), r.int64(6),     r.opt_int64(7)};
}

SqlValue opt(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(SqlNull{}); }
SqlValue opt(const std::optional<std::string>& v) { return v ? SqlValue(*v) : SqlValue(SqlNull{}); }
}  // namespace

void insert_application(Connection& c, const model::OAuthApplication& a) {
  c.execute(
      "INSERT INTO oauth_applications (id, name, website, redirect_uris, scopes, client_id, client_secret,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, a.name, a.website.empty() ? SqlValue(SqlNull{}) : SqlValue(a.website), join_lines(a.redirect_uris),
       join_scopes(a.scopes), a.client_id, a.client_secret, a.created_at, a.created_at});
}

std::optional<model::OAuthApplication> find_application(Connection& c, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kAppColumns + " FROM oauth_applications WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return app_from(*row);
}

std::optional<model::OAuthApplication> find_application_by_client_id(Connection& c, const std::string& client_id) {
  auto row =
      c.query_one(std::string("SELECT ") + kAppColumns + " FROM oauth_applications WHERE client_id = ?", {client_id});
  if (!row) return std::nullopt;
  return app_from(*row);
}

int64_t insert_token(Connection& c, const NewToken& t, int64_t now) {
  int64_t id = next_id();
  c.execute(
      "INSERT INTO oauth_access_tokens (id, application_id, user_id, token_hash, refresh_token_hash, scopes,"
      " expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {id, opt(t.application_id), opt(t.user_id), t.token_hash, opt(t.refresh_token_hash), t.scopes,
       opt(t.expires_at), now});
  return id;
}

std::optional<model::AccessToken> find_token_by_hash(Connection& c, const std::string& token_hash) {
  auto row = c.query_one(std::string("SELECT ") + kTokenColumns + " FROM oauth_access_tokens WHERE token_hash = ?",
                         {token_hash});
  if (!row) return std::nullopt;
  return token_from(*row);
}

std::optional<TokenWithHolder> find_token_with_holder(Connection& c, const std::string& token_hash) {
  constexpr size_t kTokenCount = column_count(kTokenColumns);
  auto row = c.query_one(std::string("SELECT t.*, u.*, a.* FROM (SELECT ") + kTokenColumns +
                             " FROM oauth_access_tokens WHERE token_hash = ?) t" + accounts::holder_join("t.user_id"),
                         {token_hash});
  if (!row) return std::nullopt;
  return TokenWithHolder{token_from(row->columns(0, kTokenCount)), accounts::holder_from(c, *row, kTokenCount)};
}

std::optional<model::AccessToken> find_token_by_refresh_hash(Connection& c, const std::string& refresh_hash) {
  auto row = c.query_one(
      std::string("SELECT ") + kTokenColumns + " FROM oauth_access_tokens WHERE refresh_token_hash = ?",
      {refresh_hash});
  if (!row) return std::nullopt;
  return token_from(*row);
}

void revoke_token(Connection& c, int64_t token_id, int64_t now) {
  c.execute("UPDATE oauth_access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {now, token_id});
  // A revoked token's push subscription goes with it (Mastodon's dependent: :delete_all).
  c.execute("DELETE FROM web_push_subscriptions WHERE access_token_id = ?", {token_id});
}

std::vector<int64_t> live_token_ids(Connection& c, int64_t user_id) {
  std::vector<int64_t> ids;
  for (const auto& r : c.query("SELECT id FROM oauth_access_tokens WHERE user_id = ? AND revoked_at IS NULL", {user_id}))
    ids.push_back(r.int64(0));
  return ids;
}

void revoke_user_tokens(Connection& c, int64_t user_id, int64_t now) {
  c.execute("UPDATE oauth_access_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", {now, user_id});
  c.execute("DELETE FROM web_push_subscriptions WHERE user_id = ?", {user_id});
}

void touch_token(Connection& c, int64_t token_id, int64_t now, const std::string& ip) {
  c.execute("UPDATE oauth_access_tokens SET last_used_at = ?, last_used_ip = ? WHERE id = ?", {now, ip, token_id});
}

std::vector<std::vector<std::string>> active_token_scopes(Connection& c, int64_t application_id, int64_t user_id,
                                                         int64_t now) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : c.query(
           "SELECT scopes FROM oauth_access_tokens WHERE application_id = ? AND user_id = ? AND revoked_at IS NULL"
           " AND (expires_at IS NULL OR expires_at > ?)",
           {application_id, user_id, now}))
    out.push_back(split_scopes(r.text(0)));
  return out;
}

void insert_grant(Connection& c, const NewGrant& g, int64_t now) {
  c.execute(
      "INSERT INTO oauth_access_grants (id, application_id, user_id, code_hash, redirect_uri, scopes,"
      " code_challenge, code_challenge_method, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {next_id(), g.application_id, g.user_id, g.code_hash, g.redirect_uri, g.scopes, opt(g.code_challenge),
       opt(g.code_challenge_method), g.expires_at, now});
}

std::optional<Grant> find_grant_by_code_hash(Connection& c, const std::string& code_hash) {
  auto r = c.query_one(
      "SELECT id, application_id, user_id, redirect_uri, scopes, code_challenge, code_challenge_method,"
      " expires_at, revoked_at FROM oauth_access_grants WHERE code_hash = ?",
      {code_hash});
  if (!r) return std::nullopt;
  return Grant{r->int64(0), r->int64(1), r->int64(2), r->text(3), r->text(4), r->opt_text(5), r->opt_text(6),
               r->int64(7), r->opt_int64(8)};
}

bool consume_grant(Connection& c, int64_t grant_id, int64_t now) {
  return c.execute("UPDATE oauth_access_grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                   {now, grant_id}) == 1;
}

}  // namespace agora::store::oauth
