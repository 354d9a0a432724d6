#include "store/invites.h"

#include "store/statement.h"

namespace agora::store::invites {

namespace {

constexpr const char* kSelect =
    "SELECT i.id, i.user_id, i.code, i.expires_at, i.max_uses, i.uses, i.autofollow, i.comment, i.created_at,"
    " u.account_id, a.username,"
    " CASE WHEN u.disabled = FALSE AND u.approved = TRUE AND a.suspended_at IS NULL THEN 1 ELSE 0 END"
    " FROM invites i JOIN users u ON u.id = i.user_id JOIN accounts a ON a.id = u.account_id";

model::Invite invite_from(const Row& r) {
  model::Invite i;
  i.id = r.int64(0);
  i.user_id = r.int64(1);
  i.code = r.text(2);
  i.expires_at = r.opt_int64(3);
  i.max_uses = r.opt_int64(4);
  i.uses = r.int64(5);
  i.autofollow = r.boolean(6);
  i.comment = r.text(7);
  i.created_at = r.int64(8);
  i.account_id = r.int64(9);
  i.username = r.text(10);
  i.creator_functional = r.int64(11) == 1;
  return i;
}

SqlValue optional(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(SqlNull{}); }

std::vector<model::Invite> rows(Connection& c, Statement& s) {
  std::vector<model::Invite> out;
  for (const auto& r : s.query(c)) out.push_back(invite_from(r));
  return out;
}

}  // namespace

void insert(Connection& c, const model::Invite& i) {
  c.execute("INSERT INTO invites (id, user_id, code, expires_at, max_uses, uses, autofollow, comment, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
            {i.id, i.user_id, i.code, optional(i.expires_at), optional(i.max_uses), i.autofollow, i.comment,
             i.created_at, i.created_at});
}

std::optional<model::Invite> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kSelect) + " WHERE i.id = ?", {id});
  if (!row) return std::nullopt;
  return invite_from(*row);
}

std::optional<model::Invite> find_by_code(Connection& c, const std::string& code) {
  auto row = c.query_one(std::string(kSelect) + " WHERE i.code = ?", {code});
  if (!row) return std::nullopt;
  return invite_from(*row);
}

std::vector<model::Invite> by_user(Connection& c, int64_t user_id, const model::PageRequest& page) {
  Statement s(std::string(kSelect) + " WHERE i.user_id = ?", {user_id});
  s.add_page("i.id", page);
  return rows(c, s);
}

std::vector<model::Invite> list(Connection& c, const std::string& state, int64_t now_ms,
                                const model::PageRequest& page) {
  constexpr const char* kUsable = "((i.expires_at IS NULL OR i.expires_at > ?) AND (i.max_uses IS NULL OR i.uses < i.max_uses))";
  if (state == "available") {
    Statement s(std::string(kSelect) + " WHERE " + kUsable, {now_ms});
    s.add_page("i.id", page);
    return rows(c, s);
  }
  if (state == "expired") {
    Statement s(std::string(kSelect) + " WHERE NOT " + kUsable, {now_ms});
    s.add_page("i.id", page);
    return rows(c, s);
  }
  Statement s(std::string(kSelect) + " WHERE 1 = 1");
  s.add_page("i.id", page);
  return rows(c, s);
}

void expire(Connection& c, int64_t id, int64_t now_ms) {
  c.execute("UPDATE invites SET expires_at = ?, updated_at = ? WHERE id = ?", {now_ms, now_ms, id});
}

int64_t expire_all(Connection& c, int64_t now_ms) {
  return c.execute("UPDATE invites SET expires_at = ?, updated_at = ? WHERE expires_at IS NULL OR expires_at > ?",
                   {now_ms, now_ms, now_ms});
}

bool use(Connection& c, int64_t invite_id, int64_t user_id, int64_t now_ms) {
  auto changed = c.execute(
      "UPDATE invites SET uses = uses + 1, updated_at = ? WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)"
      " AND (expires_at IS NULL OR expires_at > ?)",
      {now_ms, invite_id, now_ms});
  if (changed == 0) return false;
  c.execute("UPDATE users SET invite_id = ? WHERE id = ?", {invite_id, user_id});
  return true;
}

std::optional<model::Invite> used_by(Connection& c, int64_t user_id) {
  auto row = c.query_one(std::string(kSelect) + " WHERE i.id = (SELECT invite_id FROM users WHERE id = ?)", {user_id});
  if (!row) return std::nullopt;
  return invite_from(*row);
}

}  // namespace agora::store::invites
