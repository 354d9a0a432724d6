#include "services/roles.h"

#include "core/errors.h"
#include "store/accounts.h"
#include "store/user_roles.h"

namespace agora::services {

model::UserRole resolve_role(store::Connection& c, const std::string& stored_name) {
  if (auto builtin = model::parse_role(stored_name)) return model::builtin_role(*builtin);
  if (auto custom = store::user_roles::find_by_name(c, stored_name)) return *custom;
  return model::builtin_role(model::Role::user);
}

model::UserRole role_of_user(store::Connection& c, int64_t user_id) {
  return resolve_role(c, store::user_roles::role_name_of_user(c, user_id));
}

std::optional<std::string> stored_role_name(store::Connection& c, std::string_view asked) {
  if (auto builtin = model::builtin_role_named(asked)) return model::role_name(*builtin);
  if (auto custom = store::user_roles::find_by_name(c, std::string(asked))) return custom->name;
  return std::nullopt;
}

Staff staff_member(Context& ctx, const std::optional<Auth>& auth) {
  if (!auth || !auth->user || !auth->account) throw Error::forbidden();
  require_usable_login(*auth);
  auto conn = ctx.db.acquire();
  return {*auth->account, *auth->user, role_of_user(*conn, auth->user->id)};
}

bool can(const Staff& staff, model::Permission p) { return staff.role.can(p); }

bool can(const Staff& staff, model::Permission p, model::Permission or_p) {
  return staff.role.can(p) || staff.role.can(or_p);
}

void authorize(bool allowed) {
  if (!allowed) throw Error::forbidden();
}

bool overrides(const Staff& staff, const std::optional<model::UserRole>& target) {
  return !target || staff.role.overrides(*target);
}

}  // namespace agora::services
