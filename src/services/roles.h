// Who may do what on the admin side: a user's role (built-in or custom) and
// Mastodon's permission checks. Every admin endpoint asks `can`.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/account.h"
#include "model/role.h"
#include "services/auth.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

// The role named by users.role: a built-in one, or a custom one from
// user_roles; a name that no longer exists means everyone's role.
model::UserRole resolve_role(store::Connection& c, const std::string& stored_name);
model::UserRole role_of_user(store::Connection& c, int64_t user_id);
// The users.role value for a role asked for by name ("Admin", "moderator",
// a custom role's name); nullopt when there is no such role.
std::optional<std::string> stored_role_name(store::Connection& c, std::string_view asked);

// A signed-in member acting on the admin side, with their role.
struct Staff {
  model::Account account;
  model::User user;
  model::UserRole role;
};

// The member behind `auth` with their role: 403 "This action is not allowed"
// without a member, the login refusals of require_usable_login otherwise.
Staff staff_member(Context& ctx, const std::optional<Auth>& auth);

// Mastodon's role.can?(…): any of the permissions.
bool can(const Staff& staff, model::Permission p);
bool can(const Staff& staff, model::Permission p, model::Permission or_p);
// Throws 403 "This action is not allowed" unless `allowed`.
void authorize(bool allowed);
// The role of a target user, for role.overrides?(target's role); a remote
// account (no user) has none, which anyone overrides.
bool overrides(const Staff& staff, const std::optional<model::UserRole>& target);

}  // namespace agora::services
