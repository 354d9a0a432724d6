#include "store/admin_accounts.h"

#include "store/account_removal.h"

#include "store/accounts.h"
#include "store/statement.h"

namespace agora::store::admin_accounts {

namespace {

// A LIKE pattern matching `text` literally at the start ("abc%").
std::string prefix_pattern(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

void add_prefix(Statement& s, const char* column, const std::string& value) {
  if (value.empty()) return;
  s.add(std::string(" AND lower(") + column + ") LIKE lower(?) ESCAPE '\\'", {prefix_pattern(value)});
}

}  // namespace

std::vector<int64_t> search_ids(Connection& c, const Filter& f) {
  if (f.nobody) return {};
  Statement s(
      "SELECT a.id FROM accounts a LEFT JOIN users u ON u.account_id = a.id"
      " WHERE (a.domain IS NOT NULL OR u.id IS NOT NULL)");
  if (f.origin == "local") s.add(" AND a.domain IS NULL");
  if (f.origin == "remote") s.add(" AND a.domain IS NOT NULL");
  if (f.status == "active") s.add(" AND a.suspended_at IS NULL");
  if (f.status == "pending") s.add(" AND u.approved = FALSE");
  if (f.status == "disabled") s.add(" AND u.disabled = TRUE AND a.suspended_at IS NULL");
  if (f.status == "silenced") s.add(" AND a.silenced_at IS NOT NULL");
  if (f.status == "suspended") s.add(" AND a.suspended_at IS NOT NULL");
  if (f.status == "sensitized") s.add(" AND a.sensitized_at IS NOT NULL");
  if (f.role_names) {
    if (f.role_names->empty()) return {};
    s.add(" AND u.role IN ");
    s.add_text_list(*f.role_names);
  }
  add_prefix(s, "a.username", f.username);
  add_prefix(s, "a.display_name", f.display_name);
  add_prefix(s, "u.email", f.email);
  if (!f.by_domain.empty()) s.add(" AND lower(a.domain) = lower(?)", {f.by_domain});
  if (!f.ip.empty()) s.add(" AND (u.sign_up_ip = ? OR u.last_sign_in_ip = ?)", {f.ip, f.ip});
  s.add_page("a.id", f.page);
  std::vector<int64_t> ids;
  for (const auto& r : s.query(c)) ids.push_back(r.int64(0));
  return ids;
}

std::optional<model::AdminAccount> find(Connection& c, int64_t account_id) {
  auto account = store::accounts::find(c, account_id);
  if (!account) return std::nullopt;
  model::AdminAccount out{*account};
  if (auto row = c.query_one("SELECT sensitized_at, suspension_origin FROM accounts WHERE id = ?", {account_id})) {
    out.sensitized_at = row->opt_int64(0);
    out.suspension_origin = row->text(1);
  }
  auto u = c.query_one(
      "SELECT id, email, role, locale, sign_up_ip, last_sign_in_ip, sign_up_reason, confirmed_at, approved,"
      " disabled, created_at, last_sign_in_at FROM users WHERE account_id = ?",
      {account_id});
  if (u) {
    model::AdminUser user;
    user.id = u->int64(0);
    user.email = u->text(1);
    user.role_name = u->text(2);
    user.locale = u->text(3);
    user.sign_up_ip = u->opt_text(4);
    user.last_sign_in_ip = u->opt_text(5);
    user.sign_up_reason = u->text(6);
    user.confirmed = !u->is_null(7);
    user.approved = u->boolean(8);
    user.disabled = u->boolean(9);
    user.created_at = u->int64(10);
    user.last_sign_in_at = u->opt_int64(11);
    out.user = std::move(user);
  }
  return out;
}

void set_suspended(Connection& c, int64_t account_id, std::optional<int64_t> at, const std::string& origin) {
  SqlValue when = at ? SqlValue(*at) : SqlValue(SqlNull{});
  SqlValue from = at ? SqlValue(origin) : SqlValue(SqlNull{});
  c.execute("UPDATE accounts SET suspended_at = ?, suspension_origin = ? WHERE id = ?", {when, from, account_id});
}

void set_silenced(Connection& c, int64_t account_id, std::optional<int64_t> at) {
  c.execute("UPDATE accounts SET silenced_at = ? WHERE id = ?",
            {at ? SqlValue(*at) : SqlValue(SqlNull{}), account_id});
}

void set_sensitized(Connection& c, int64_t account_id, std::optional<int64_t> at) {
  c.execute("UPDATE accounts SET sensitized_at = ? WHERE id = ?",
            {at ? SqlValue(*at) : SqlValue(SqlNull{}), account_id});
}

void set_disabled(Connection& c, int64_t user_id, bool disabled, int64_t now) {
  c.execute("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?", {disabled, now, user_id});
}

std::vector<std::string> remove(Connection& c, int64_t account_id) {
  return account_removal::remove_accounts(c, "id = ?", account_id);
}

}  // namespace agora::store::admin_accounts
