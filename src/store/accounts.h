// Queries on accounts and the users of local ones.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "store/database.h"

namespace agora::store::accounts {

// Inserts a local account and its user. Throws UniqueViolation when the
// username or email is taken. Call inside a transaction.
model::CreatedAccount insert_local(Connection& c, const model::NewLocalAccount& account, int64_t now_ms);

bool username_taken(Connection& c, const std::string& username);
std::optional<model::Account> find(Connection& c, int64_t id);
// A local account by username, ignoring case.
std::optional<model::Account> find_local(Connection& c, const std::string& username);
// Any account by username and domain (empty domain: local), ignoring case.
std::optional<model::Account> find_by_acct(Connection& c, const std::string& username, const std::string& domain);
// By ActivityPub id, and by the id of its public key.
std::optional<model::Account> find_by_uri(Connection& c, const std::string& uri);
std::optional<model::Account> find_by_key_id(Connection& c, const std::string& key_id);
std::vector<model::Account> find_many(Connection& c, const std::vector<int64_t>& ids);
// Like find_many, but only accounts anyone may see: remote ones, and local
// ones whose user is confirmed and approved. In the order of `ids`.
std::vector<model::Account> find_many_listed(Connection& c, const std::vector<int64_t>& ids);

// Writes what a member edits on their profile: display name, note (HTML and
// source), fields (HTML and source), actor type, locked, discoverable,
// indexable, hide_collections, avatar and header files.
void save_profile(Connection& c, const model::Account& account, int64_t now_ms);
void save_preferences(Connection& c, int64_t user_id, const std::string& preferences_json, int64_t now_ms);
// Pending follow requests to the account, counted up to `cap`.
int64_t count_follow_requests(Connection& c, int64_t account_id, int64_t cap);

struct AccountSearch {
  std::string username;  // prefix of the username, or of (a word of) the display name; any case
  std::optional<std::string> domain;  // prefix of the domain; "" for local accounts only
  std::optional<int64_t> followed_by;  // only accounts this one follows
  int limit = 40;
  int offset = 0;
};
// Searchable accounts (not suspended, not moved, usable if local): exact
// username matches first, then local ones, then by followers.
std::vector<model::Account> search(Connection& c, const AccountSearch& search);

std::optional<model::User> find_user(Connection& c, int64_t user_id);

// A user with its account, read in the statement that finds what names the
// user (an access token), so that authenticating a request is one statement.
struct Holder {
  model::User user;
  std::optional<model::Account> account;
};
// " LEFT JOIN … u … LEFT JOIN … a …" for the user whose id is `user_id_sql`;
// select "u.*, a.*" after the other columns and read them with holder_from.
std::string holder_join(const std::string& user_id_sql);
// The holder in `row` from column `first` on (none when the join found no user).
std::optional<Holder> holder_from(Connection& c, const Row& row, size_t first);
std::optional<model::User> find_user_by_account(Connection& c, int64_t account_id);
std::optional<model::User> find_user_by_email(Connection& c, const std::string& email);
bool email_taken(Connection& c, const std::string& email);

}  // namespace agora::store::accounts
