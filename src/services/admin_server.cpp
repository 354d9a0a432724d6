#include "services/admin_server.h"

#include <algorithm>
#include <cctype>

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "core/utf8.h"
#include "services/instance.h"
#include "store/admin_action_logs.h"
#include "store/rules.h"
#include "store/settings.h"
#include "store/user_roles.h"

namespace agora::services {

namespace {

using model::Permission;

constexpr size_t kMaxRuleText = 300, kMaxRuleHint = 2000, kMaxRoleName = 64;

void log(store::Connection& c, const Staff& staff, const char* action, const char* type, int64_t id,
         const std::string& summary, int64_t now) {
  store::admin_action_logs::record(c, staff.account.id, action, type, id, summary, now);
}

void check_rule(const std::string& text, const std::string& hint) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error::unprocessable("Validation failed: Text can't be blank");
  if (utf8_length(text) > kMaxRuleText) throw Error::unprocessable("Validation failed: Text is too long (maximum is 300 characters)");
  if (utf8_length(hint) > kMaxRuleHint) throw Error::unprocessable("Validation failed: Hint is too long (maximum is 2000 characters)");
}

model::Rule existing_rule(store::Connection& c, int64_t id) {
  auto rule = store::rules::find(c, id);
  if (!rule) throw Error::not_found();
  return *rule;
}

bool valid_color(const std::string& color) {
  // Mastodon: "#" and 3 or 6 hex digits, or empty for none.
  if (color.empty()) return true;
  if (color.size() != 4 && color.size() != 7) return false;
  return color[0] == '#' && std::all_of(color.begin() + 1, color.end(), [](unsigned char ch) { return std::isxdigit(ch); });
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// Mastodon's UserRole validations, and that nobody hands out more than they hold.
void check_role(store::Connection& c, const Staff& staff, const model::UserRole& role) {
  auto name = role.name;
  if (name.find_first_not_of(" \t") == std::string::npos)
    throw Error::unprocessable("Validation failed: Name can't be blank");
  if (utf8_length(name) > kMaxRoleName) throw Error::unprocessable("Validation failed: Name is too long");
  auto clash = store::user_roles::find_by_name(c, name);
  auto low = lower(name);
  if ((clash && clash->id != role.id) || model::builtin_role_named(name) || low == "everyone" || low == "user")
    throw Error::unprocessable("Validation failed: Name has already been taken");
  if (!valid_color(role.color)) throw Error::unprocessable("Validation failed: Color is invalid");
  if (role.permissions < 0 || (role.permissions & ~model::kAllPermissions) != 0)
    throw Error::unprocessable("Validation failed: Permissions contain an unknown flag");
  if (role.position >= staff.role.position)
    throw Error::unprocessable("Validation failed: Position must be lower than your own role's");
  if ((role.permissions & ~staff.role.computed_permissions()) != 0)
    throw Error::unprocessable("Validation failed: Permissions cannot be more than your own role has");
}

void apply(model::UserRole& role, const RoleFields& in) {
  if (in.name) role.name = *in.name;
  if (in.color) role.color = *in.color;
  if (in.position) role.position = *in.position;
  if (in.permissions) role.permissions = *in.permissions;
  if (in.highlighted) role.highlighted = *in.highlighted;
}

// A custom role the member may change: one below their own.
model::UserRole changeable_role(store::Connection& c, const Staff& staff, int64_t id) {
  auto role = store::user_roles::find(c, id);
  if (!role) throw Error::not_found();
  authorize(staff.role.overrides(*role));
  return *role;
}

}  // namespace

std::map<std::string, std::string> admin_settings(Context& ctx, const Staff& staff) {
  authorize(can(staff, Permission::manage_settings));
  auto conn = ctx.db.acquire();
  auto stored = store::settings::load_all(*conn);
  std::map<std::string, std::string> out;
  for (const auto& spec : changeable_settings()) {
    auto it = stored.find(spec.key);
    out[spec.key] = it == stored.end() ? "" : it->second;
  }
  return out;
}

std::map<std::string, std::string> change_admin_settings(Context& ctx, const Staff& staff,
                                                         const std::map<std::string, std::string>& changes) {
  authorize(can(staff, Permission::manage_settings));
  auto conn = ctx.db.acquire();
  for (const auto& [key, value] : changes) validate_setting(*conn, key, value);
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    auto stored = store::settings::load_all(*conn);
    for (const auto& [key, value] : changes) {
      auto it = stored.find(key);
      if (it != stored.end() && it->second == value) continue;
      store::settings::put(*conn, key, value);
      log(*conn, staff, "update", "Setting", 0, key, now);
    }
  });
  return admin_settings(ctx, staff);
}

std::vector<model::Rule> admin_rules(Context& ctx, const Staff& staff) {
  authorize(can(staff, Permission::manage_rules));
  auto conn = ctx.db.acquire();
  return store::rules::list(*conn);
}

model::Rule create_rule(Context& ctx, const Staff& staff, const std::string& text, const std::string& hint) {
  authorize(can(staff, Permission::manage_rules));
  check_rule(text, hint);
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  return store::in_transaction(*conn, [&] {
    auto rule = store::rules::insert(*conn, text, hint, now);
    log(*conn, staff, "create", "Rule", rule.id, text, now);
    return rule;
  });
}

model::Rule update_rule(Context& ctx, const Staff& staff, int64_t id, const std::optional<std::string>& text,
                        const std::optional<std::string>& hint) {
  authorize(can(staff, Permission::manage_rules));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  return store::in_transaction(*conn, [&] {
    auto rule = existing_rule(*conn, id);
    if (text) rule.text = *text;
    if (hint) rule.hint = *hint;
    check_rule(rule.text, rule.hint);
    store::rules::update(*conn, id, rule.text, rule.hint, now);
    log(*conn, staff, "update", "Rule", id, rule.text, now);
    return rule;
  });
}

model::Rule move_rule(Context& ctx, const Staff& staff, int64_t id, bool up) {
  authorize(can(staff, Permission::manage_rules));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  return store::in_transaction(*conn, [&] {
    auto rule = existing_rule(*conn, id);
    if (store::rules::move(*conn, id, up, now)) log(*conn, staff, up ? "move_up" : "move_down", "Rule", id, rule.text, now);
    return rule;
  });
}

void delete_rule(Context& ctx, const Staff& staff, int64_t id) {
  authorize(can(staff, Permission::manage_rules));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    auto rule = existing_rule(*conn, id);
    store::rules::remove(*conn, id, now);
    log(*conn, staff, "destroy", "Rule", id, rule.text, now);
  });
}

std::vector<model::UserRole> admin_roles(Context& ctx, const Staff& staff) {
  authorize(can(staff, Permission::manage_roles));
  auto conn = ctx.db.acquire();
  std::vector<model::UserRole> out = store::user_roles::all(*conn);
  for (auto r : {model::Role::moderator, model::Role::admin, model::Role::owner}) out.push_back(model::builtin_role(r));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.position < b.position; });
  return out;
}

model::UserRole create_role(Context& ctx, const Staff& staff, const RoleFields& in) {
  authorize(can(staff, Permission::manage_roles));
  model::UserRole role;
  role.id = next_id();
  role.position = 0;
  role.permissions = 0;
  role.highlighted = false;
  apply(role, in);
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  role.created_at = role.updated_at = now;
  store::in_transaction(*conn, [&] {
    check_role(*conn, staff, role);
    store::user_roles::insert(*conn, role);
    log(*conn, staff, "create", "UserRole", role.id, role.name, now);
  });
  return role;
}

model::UserRole update_role(Context& ctx, const Staff& staff, int64_t id, const RoleFields& in) {
  authorize(can(staff, Permission::manage_roles));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  return store::in_transaction(*conn, [&] {
    auto role = changeable_role(*conn, staff, id);
    auto old_name = role.name;
    apply(role, in);
    role.updated_at = now;
    check_role(*conn, staff, role);
    store::user_roles::update(*conn, role);
    // Members hold a custom role by its name: a renamed role keeps its members.
    if (role.name != old_name) store::user_roles::rename_holders(*conn, old_name, role.name, now);
    log(*conn, staff, "update", "UserRole", id, role.name, now);
    return role;
  });
}

void delete_role(Context& ctx, const Staff& staff, int64_t id) {
  authorize(can(staff, Permission::manage_roles));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    auto role = changeable_role(*conn, staff, id);
    store::user_roles::remove(*conn, id);
    store::user_roles::rename_holders(*conn, role.name, "user", now);
    log(*conn, staff, "destroy", "UserRole", id, role.name, now);
  });
}

}  // namespace agora::services
