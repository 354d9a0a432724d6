// An account as moderators see it: the account, its user's sign-in facts and
// role, and the moderation state the public entity does not show.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/account.h"
#include "model/role.h"

namespace agora::model {

struct AdminUser {
  int64_t id = 0;
  std::string email;
  std::string role_name;  // users.role
  std::string locale;
  std::optional<std::string> sign_up_ip, last_sign_in_ip;
  std::string sign_up_reason;
  bool confirmed = false, approved = true, disabled = false;
  int64_t created_at = 0;
  std::optional<int64_t> last_sign_in_at;
};

struct AdminAccount {
  Account account;
  std::optional<AdminUser> user;  // local accounts only
  std::optional<UserRole> role;   // the user's role, resolved by a service
  std::optional<int64_t> sensitized_at;
  std::string suspension_origin;  // local, remote or ""
};

}  // namespace agora::model
