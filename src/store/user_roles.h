// Roles: the custom ones in user_roles, and which one each user holds
// (users.role: a built-in name or a custom role's name).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/role.h"
#include "store/database.h"

namespace agora::store::user_roles {

std::optional<model::UserRole> find_by_name(Connection& c, const std::string& name);
std::optional<model::UserRole> find(Connection& c, int64_t id);
// The custom roles of these names (unknown names left out).
std::vector<model::UserRole> named(Connection& c, const std::vector<std::string>& names);
// Custom roles, by position.
std::vector<model::UserRole> all(Connection& c);
// users.role of a user ("" if there is no such user).
std::string role_name_of_user(Connection& c, int64_t user_id);
// Custom roles kept by the admin area (the id, name and times set by the caller).
void insert(Connection& c, const model::UserRole& role);
void update(Connection& c, const model::UserRole& role);
// Removes the role; members holding it fall back to everyone's role.
void remove(Connection& c, int64_t id);
// Moves every member holding role `from` to role `to`.
void rename_holders(Connection& c, const std::string& from, const std::string& to, int64_t now_ms);
// Users holding any role but everyone's, whose account is not suspended
// and who are not disabled: (user id, users.role).
std::vector<std::pair<int64_t, std::string>> staff_users(Connection& c);
void set_user_role(Connection& c, int64_t user_id, const std::string& name, int64_t now_ms);

}  // namespace agora::store::user_roles
