#include "store/user_roles.h"

#include <set>

namespace agora::store::user_roles {

namespace {

constexpr const char* kColumns = "SELECT id, name, color, position, permissions, highlighted, created_at, updated_at"
                                 " FROM user_roles ";

model::UserRole role_from(const Row& r) {
  return {r.int64(0), r.text(1), r.text(2), r.int64(3), r.int64(4), r.boolean(5), r.int64(6), r.int64(7)};
}

std::optional<model::UserRole> one(Connection& c, const std::string& where, SqlArgs args) {
  auto row = c.query_one(std::string(kColumns) + where, args);
  if (!row) return std::nullopt;
  return role_from(*row);
}

}  // namespace

std::optional<model::UserRole> find_by_name(Connection& c, const std::string& name) {
  return one(c, "WHERE name = ?", {name});
}

std::optional<model::UserRole> find(Connection& c, int64_t id) { return one(c, "WHERE id = ?", {id}); }

std::vector<model::UserRole> named(Connection& c, const std::vector<std::string>& names) {
  std::vector<model::UserRole> out;
  std::set<std::string> distinct(names.begin(), names.end());
  if (distinct.empty()) return out;
  std::string placeholders;
  std::vector<SqlValue> args;
  for (const auto& name : distinct) {
    placeholders += args.empty() ? "?" : ",?";
    args.emplace_back(name);
  }
  for (const auto& r : c.query(std::string(kColumns) + "WHERE name IN (" + placeholders + ")",
                               std::span<const SqlValue>(args)))
    out.push_back(role_from(r));
  return out;
}

std::vector<model::UserRole> all(Connection& c) {
  std::vector<model::UserRole> out;
  for (const auto& r : c.query(std::string(kColumns) + "ORDER BY position, id")) out.push_back(role_from(r));
  return out;
}

std::string role_name_of_user(Connection& c, int64_t user_id) {
  auto row = c.query_one("SELECT role FROM users WHERE id = ?", {user_id});
  return row ? row->text(0) : "";
}

void insert(Connection& c, const model::UserRole& r) {
  c.execute("INSERT INTO user_roles (id, name, color, position, permissions, highlighted, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {r.id, r.name, r.color, r.position, r.permissions, r.highlighted, r.created_at, r.updated_at});
}

void update(Connection& c, const model::UserRole& r) {
  c.execute("UPDATE user_roles SET name = ?, color = ?, position = ?, permissions = ?, highlighted = ?, updated_at = ?"
            " WHERE id = ?",
            {r.name, r.color, r.position, r.permissions, r.highlighted, r.updated_at, r.id});
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM user_roles WHERE id = ?", {id}); }

void rename_holders(Connection& c, const std::string& from, const std::string& to, int64_t now_ms) {
  c.execute("UPDATE users SET role = ?, updated_at = ? WHERE role = ?", {to, now_ms, from});
}

std::vector<std::pair<int64_t, std::string>> staff_users(Connection& c) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& row : c.query("SELECT u.id, u.role FROM users u JOIN accounts a ON a.id = u.account_id"
                                  " WHERE u.role <> 'user' AND NOT u.disabled AND a.suspended_at IS NULL ORDER BY u.id"))
    out.emplace_back(row.int64(0), row.text(1));
  return out;
}

void set_user_role(Connection& c, int64_t user_id, const std::string& name, int64_t now_ms) {
  c.execute("UPDATE users SET role = ?, updated_at = ? WHERE id = ?", {name, now_ms, user_id});
}

}  // namespace agora::store::user_roles
