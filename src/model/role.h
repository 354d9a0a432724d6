// Mastodon's roles: permission bit flags (UserRole::FLAGS), the built-in
// roles (everyone, Moderator, Admin, Owner as config/roles.yml seeds them)
// and custom roles kept in user_roles.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/account.h"

namespace agora::model {

// The bit of each permission, as Mastodon numbers them.
enum class Permission : int64_t {
  administrator = 1 << 0,
  view_devops = 1 << 1,
  view_audit_log = 1 << 2,
  view_dashboard = 1 << 3,
  manage_reports = 1 << 4,
  manage_federation = 1 << 5,
  manage_settings = 1 << 6,
  manage_blocks = 1 << 7,
  manage_taxonomies = 1 << 8,
  manage_appeals = 1 << 9,
  manage_users = 1 << 10,
  manage_invites = 1 << 11,
  manage_rules = 1 << 12,
  manage_announcements = 1 << 13,
  manage_custom_emojis = 1 << 14,
  manage_webhooks = 1 << 15,
  invite_users = 1 << 16,
  manage_roles = 1 << 17,
  manage_user_access = 1 << 18,
  delete_user_data = 1 << 19,
};

constexpr int64_t kAllPermissions = (int64_t{1} << 20) - 1;
constexpr int64_t kEveryonePermissions = static_cast<int64_t>(Permission::invite_users);
constexpr int64_t kEveryoneRoleId = -99;

struct UserRole {
  int64_t id = kEveryoneRoleId;
  std::string name;
  std::string color;
  int64_t position = -1;
  int64_t permissions = kEveryonePermissions;  // as stored
  bool highlighted = false;
  int64_t created_at = 0;
  int64_t updated_at = 0;

  bool everyone() const { return id == kEveryoneRoleId; }
  // Mastodon's computed_permissions: everyone's added, administrator means all.
  int64_t computed_permissions() const;
  bool can(Permission p) const;
  // Mastodon's overrides?: a higher position acts on a lower one.
  bool overrides(const UserRole& other) const { return position > other.position; }
};

// The built-in role for users.role "user", "moderator", "admin" or "owner".
UserRole builtin_role(Role r);
// The value stored in users.role for a built-in role named in any case
// ("Admin", "admin"), else nullopt.
std::optional<Role> builtin_role_named(std::string_view name);

}  // namespace agora::model
