#include "model/account.h"

namespace agora::model {

const char* role_name(Role role) {
  switch (role) {
    case Role::user: return "user";
    case Role::moderator: return "moderator";
    case Role::admin: return "admin";
    case Role::owner: return "owner";
  }
  return "user";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "user") return Role::user;
  if (name == "moderator") return Role::moderator;
  if (name == "admin") return Role::admin;
  if (name == "owner") return Role::owner;
  return std::nullopt;
}

}  // namespace agora::model
