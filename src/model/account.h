// Plain data of accounts and the users who sign in to local ones.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace agora::model {

enum class Role { user, moderator, admin, owner };

struct NewLocalAccount {
  std::string username;
  std::string email;
  std::string password_hash;
  Role role = Role::user;
  bool confirmed = false;
  bool approved = true;
  std::string locale = "en";
  std::string public_key_pem;
  std::string private_key_pem;
  std::string base_url;  // to derive the account's URIs
};

struct CreatedAccount {
  int64_t account_id = 0;
  int64_t user_id = 0;
};

const char* role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

}  // namespace agora::model
