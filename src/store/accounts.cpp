#include "store/accounts.h"

#include "core/snowflake.h"

namespace agora::store::accounts {

model::CreatedAccount insert_local(Connection& c, const model::NewLocalAccount& a, int64_t now) {
  model::CreatedAccount out{next_id(), next_id()};
  std::string uri = a.base_url + "/users/" + a.username;
  c.execute(
      "INSERT INTO accounts (id, username, domain, uri, url, inbox_url, outbox_url, shared_inbox_url,"
      " followers_url, following_url, featured_url, featured_tags_url, public_key_pem, private_key_pem, key_id,"
      " discoverable, created_at, updated_at)"
      " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {out.account_id, a.username, uri, a.base_url + "/@" + a.username, uri + "/inbox", uri + "/outbox",
       a.base_url + "/inbox", uri + "/followers", uri + "/following", uri + "/collections/featured",
       uri + "/collections/tags", a.public_key_pem, a.private_key_pem, uri + "#main-key", true, now, now});
  c.execute(
      "INSERT INTO users (id, account_id, email, password_hash, role, locale, confirmed_at, approved,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {out.user_id, out.account_id, a.email, a.password_hash, std::string(model::role_name(a.role)), a.locale,
       a.confirmed ? SqlValue(now) : SqlValue(SqlNull{}), a.approved, now, now});
  return out;
}

bool username_taken(Connection& c, const std::string& username) {
  return c.query_one("SELECT 1 FROM accounts WHERE lower(username) = lower(?) AND domain IS NULL", {username})
      .has_value();
}

bool email_taken(Connection& c, const std::string& email) {
  return c.query_one("SELECT 1 FROM users WHERE lower(email) = lower(?)", {email}).has_value();
}

}  // namespace agora::store::accounts
