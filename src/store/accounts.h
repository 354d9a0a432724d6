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
std::vector<model::Account> find_many(Connection& c, const std::vector<int64_t>& ids);

std::optional<model::User> find_user(Connection& c, int64_t user_id);
std::optional<model::User> find_user_by_account(Connection& c, int64_t account_id);
std::optional<model::User> find_user_by_email(Connection& c, const std::string& email);
bool email_taken(Connection& c, const std::string& email);

}  // namespace agora::store::accounts
