// The admin area's server configuration: instance settings (manage_settings),
// rules (manage_rules) and custom roles (manage_roles). Every change is
// written to the audit log in the same transaction.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/instance.h"
#include "model/role.h"
#include "services/roles.h"

namespace agora::services {

// Every changeable setting with its stored value ("" when unset).
std::map<std::string, std::string> admin_settings(Context& ctx, const Staff& staff);
// Validates all, then stores all; 422 for an unknown key or a bad value.
std::map<std::string, std::string> change_admin_settings(Context& ctx, const Staff& staff,
                                                         const std::map<std::string, std::string>& changes);

std::vector<model::Rule> admin_rules(Context& ctx, const Staff& staff);
model::Rule create_rule(Context& ctx, const Staff& staff, const std::string& text, const std::string& hint);
model::Rule update_rule(Context& ctx, const Staff& staff, int64_t id, const std::optional<std::string>& text,
                        const std::optional<std::string>& hint);
model::Rule move_rule(Context& ctx, const Staff& staff, int64_t id, bool up);
void delete_rule(Context& ctx, const Staff& staff, int64_t id);

struct RoleFields {
  std::optional<std::string> name, color;
  std::optional<int64_t> position, permissions;
  std::optional<bool> highlighted;
};
// The built-in roles (read only) and the custom ones, by position.
std::vector<model::UserRole> admin_roles(Context& ctx, const Staff& staff);
model::UserRole create_role(Context& ctx, const Staff& staff, const RoleFields& in);
model::UserRole update_role(Context& ctx, const Staff& staff, int64_t id, const RoleFields& in);
void delete_role(Context& ctx, const Staff& staff, int64_t id);

}  // namespace agora::services
