// Creating local accounts: the rules for usernames, emails and passwords,
// the actor's key pair and the stored password hash.
#pragma once
#include <optional>
#include <string>

#include "model/account.h"
#include "services/context.h"

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
};

// Throws Error 422 (with Mastodon's details) when a rule is broken.
model::CreatedAccount create_local_account(Context& ctx, const CreateAccountRequest& request);

bool valid_local_username(std::string_view username);
bool reserved_username(std::string_view username);
bool plausible_email(std::string_view email);

constexpr size_t kMaxUsernameLength = 30;
constexpr size_t kMinPasswordLength = 8;
constexpr size_t kMaxPasswordLength = 72;

}  // namespace agora::services
