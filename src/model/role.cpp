#include "model/role.h"

#include <cctype>

namespace agora::model {

namespace {

constexpr int64_t bits(std::initializer_list<Permission> ps) {
  int64_t out = 0;
  for (auto p : ps) out |= static_cast<int64_t>(p);
  return out;
}

using P = Permission;
constexpr int64_t kModerator = bits({P::invite_users, P::view_dashboard, P::view_audit_log, P::manage_users,
                                     P::manage_reports, P::manage_taxonomies});
constexpr int64_t kAdmin =
    bits({P::invite_users, P::view_dashboard, P::view_audit_log, P::manage_users, P::manage_user_access,
          P::delete_user_data, P::manage_reports, P::manage_taxonomies, P::manage_federation, P::manage_settings,
          P::manage_blocks, P::manage_appeals, P::manage_rules, P::manage_invites, P::manage_announcements,
          P::manage_custom_emojis, P::manage_webhooks, P::manage_roles});

}  // namespace

int64_t UserRole::computed_permissions() const {
  if (everyone()) return permissions;
  int64_t p = kEveryonePermissions | permissions;
  return (p & static_cast<int64_t>(Permission::administrator)) ? kAllPermissions : p;
}

bool UserRole::can(Permission p) const {
  auto bit = static_cast<int64_t>(p);
  return (computed_permissions() & bit) == bit;
}

UserRole builtin_role(Role r) {
  switch (r) {
    case Role::moderator: return {1, "Moderator", "", 10, kModerator, true};
    case Role::admin: return {2, "Admin", "", 100, kAdmin, true};
    case Role::owner: return {3, "Owner", "", 1000, static_cast<int64_t>(Permission::administrator), true};
    case Role::user: break;
  }
  return {};
}

std::optional<Role> builtin_role_named(std::string_view name) {
  std::string lower;
  for (char ch : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return parse_role(lower);
}

}  // namespace agora::model
