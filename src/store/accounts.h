// Queries on accounts and the users of local ones.
#pragma once
#include <optional>
#include <string>

#include "model/account.h"
#include "store/database.h"

namespace agora::store::accounts {

// Inserts a local account and its user. Throws UniqueViolation when the
// username or email is taken. Call inside a transaction.
model::CreatedAccount insert_local(Connection& c, const model::NewLocalAccount& account, int64_t now_ms);

bool username_taken(Connection& c, const std::string& username);
bool email_taken(Connection& c, const std::string& email);

}  // namespace agora::store::accounts
