// Creating local accounts: the rules for usernames, emails and passwords,
// the actor's key pair and the stored password hash.
#pragma once
#include <optional>
#include <string>

#include "model/account.h"
#include "services/context.h"
#include "services/validation.h"

namespace agora::services {

struct CreateAccountRequest {
  std::string username;
  std::string email;
  std::string password;
  model::Role role = model::Role::user;
  bool confirmed = false;
  bool approved = true;
  std::string locale = "en";
  bool allow_reserved_username = false;  // the operator's CLI may take "admin"
  std::string sign_up_ip;
  std::string sign_up_reason;
};

// Adds every broken rule of `request` to `v` (for callers with rules of their own).
void check_local_account(const CreateAccountRequest& request, Validation& v);
// Checks the rules (Error 422 with Mastodon's details) and does the slow work
// (key pair, password hash) outside any transaction.
model::NewLocalAccount prepare_local_account(Context& ctx, const CreateAccountRequest& request);
// Inserts a prepared account in the caller's transaction; 422 if the username
// or e-mail address is taken.
model::CreatedAccount insert_local_account(store::Connection& c, const model::NewLocalAccount& account);
// Both, in a transaction of its own.
model::CreatedAccount create_local_account(Context& ctx, const CreateAccountRequest& request);

bool valid_local_username(std::string_view username);
bool reserved_username(std::string_view username);
bool plausible_email(std::string_view email);

constexpr size_t kMaxUsernameLength = 30;
constexpr size_t kMinPasswordLength = 8;
constexpr size_t kMaxPasswordLength = 72;

}  // namespace agora::services
