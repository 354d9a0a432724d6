#include "store/accounts.h"

#include <array>
#include <map>
#include <memory>

#include "core/snowflake.h"
#include "model/role.h"
#include "store/statement.h"
#include "store/text_match.h"
#include "store/user_roles.h"

namespace agora::store::accounts {

model::CreatedAccount insert_local(Connection& c, const model::NewLocalAccount& a, int64_t now) {
  model::CreatedAccount out{next_id(), next_id()};
  std::string uri = a.base_url + "/users/" + a.username;
  c.execute(
      "INSERT INTO accounts (id, username, domain, uri, url, inbox_url, outbox_url, shared_inbox_url,"
      " followers_url, following_url, featured_url, featured_tags_url, public_key_pem, private_key_pem, key_id,"
      " discoverable, created_at, updated_at)"
      " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {out.account_id, a.username, uri, a.base_url + "/@" + a.username, uri + "/inbox", uri + "/outbox",
       a.base_url + "/inbox", uri + "/followers", uri + "/following", uri + "/collections/featured",
       uri + "/collections/tags", a.public_key_pem, a.private_key_pem, uri + "#main-key", true, now, now});
  c.execute(
      "INSERT INTO users (id, account_id, email, password_hash, role, locale, confirmed_at, approved,"
      " sign_up_ip, sign_up_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {out.user_id, out.account_id, a.email, a.password_hash, std::string(model::role_name(a.role)), a.locale,
       a.confirmed ? SqlValue(now) : SqlValue(SqlNull{}), a.approved, a.sign_up_ip, a.sign_up_reason, now, now});
  return out;
}

bool username_taken(Connection& c, const std::string& username) {
  return c.query_one("SELECT 1 FROM accounts WHERE lower(username) = lower(?) AND domain IS NULL", {username})
      .has_value();
}

bool email_taken(Connection& c, const std::string& email) {
  return c.query_one("SELECT 1 FROM users WHERE lower(email) = lower(?)", {email}).has_value();
}

}  // namespace agora::store::accounts

namespace agora::store::accounts {

namespace {

constexpr const char* kAccountColumns =
    "id, username, domain, actor_type, display_name, note, fields, uri, url, inbox_url, shared_inbox_url,"
    " followers_url, public_key_pem, key_id, avatar_file, avatar_remote_url, header_file, header_remote_url,"
    " locked, discoverable, indexable, hide_collections, memorial, moved_to_account_id, suspended_at,"
    " silenced_at, followers_count, following_count, statuses_count, last_status_at, created_at, updated_at,"
    " note_source, fields_source,"
    " (SELECT u.role FROM users u WHERE u.account_id = accounts.id),"
    " (SELECT u.preferences FROM users u WHERE u.account_id = accounts.id), sensitized_at";

std::optional<bool> opt_bool(const Row& r, size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.boolean(i);
}

model::Account account_from(const Row& r) {
  model::Account a;
  a.id = r.int64(0);
  a.username = r.text(1);
  a.domain = r.text(2);
  a.actor_type = r.text(3);
  a.display_name = r.text(4);
  a.note = r.text(5);
  a.fields_json = r.text(6);
  a.uri = r.text(7);
  a.url = r.text(8);
  a.inbox_url = r.text(9);
  a.shared_inbox_url = r.text(10);
  a.followers_url = r.text(11);
  a.public_key_pem = r.text(12);
  a.key_id = r.text(13);
  a.avatar_file = r.text(14);
  a.avatar_remote_url = r.text(15);
  a.header_file = r.text(16);
  a.header_remote_url = r.text(17);
  a.locked = r.boolean(18);
  a.discoverable = opt_bool(r, 19);
  a.indexable = r.boolean(20);
  a.hide_collections = opt_bool(r, 21);
  a.memorial = r.boolean(22);
  a.moved_to_account_id = r.opt_int64(23);
  a.suspended_at = r.opt_int64(24);
  a.silenced_at = r.opt_int64(25);
  a.followers_count = r.int64(26);
  a.following_count = r.int64(27);
  a.statuses_count = r.int64(28);
  a.last_status_at = r.opt_int64(29);
  a.created_at = r.int64(30);
  a.updated_at = r.int64(31);
  a.note_source = r.text(32);
  a.fields_source_json = r.text(33);
  if (!r.is_null(35)) a.noindex = model::parse_preferences(r.text(35)).noindex;
  a.sensitized = !r.is_null(36);
  return a;
}

// Built-in roles are shared by every account that holds one.
std::shared_ptr<const model::UserRole> shared_builtin_role(model::Role r) {
  static const std::array<std::shared_ptr<const model::UserRole>, 4> roles = {
      std::make_shared<const model::UserRole>(model::builtin_role(model::Role::user)),
      std::make_shared<const model::UserRole>(model::builtin_role(model::Role::moderator)),
      std::make_shared<const model::UserRole>(model::builtin_role(model::Role::admin)),
      std::make_shared<const model::UserRole>(model::builtin_role(model::Role::owner))};
  return roles[static_cast<size_t>(r)];
}

// The accounts of the rows with each local user's role: built-in ones at
// once, custom ones (rare) in one query for all; a role that no longer
// exists is everyone's.
std::vector<model::Account> accounts_from(Connection& c, const std::vector<Row>& rows) {
  std::vector<model::Account> out;
  std::vector<std::string> custom;
  for (const auto& row : rows) {
    auto& a = out.emplace_back(account_from(row));
    if (row.is_null(34)) continue;
    if (auto r = model::parse_role(row.text(34))) a.user_role = shared_builtin_role(*r);
    else custom.push_back(row.text(34));
  }
  if (custom.empty()) return out;
  std::map<std::string, std::shared_ptr<const model::UserRole>> found;
  for (const auto& role : user_roles::named(c, custom)) found[role.name] = std::make_shared<const model::UserRole>(role);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].is_null(34) || out[i].user_role) continue;
    auto it = found.find(rows[i].text(34));
    out[i].user_role = it == found.end() ? shared_builtin_role(model::Role::user) : it->second;
  }
  return out;
}

std::optional<model::Account> one(Connection& c, const std::string& where, SqlArgs args) {
  auto rows = accounts_from(c, c.query(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE " + where, args));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

constexpr const char* kUserColumns =
    "id, account_id, email, password_hash, role, locale, confirmed_at, approved, disabled, otp_enabled,"
    " preferences, created_at";

model::User user_from(const Row& r) {
  model::User u;
  u.id = r.int64(0);
  u.account_id = r.int64(1);
  u.email = r.text(2);
  u.password_hash = r.text(3);
  u.role = model::parse_role(r.text(4)).value_or(model::Role::user);
  u.locale = r.text(5);
  u.confirmed_at = r.opt_int64(6);
  u.approved = r.boolean(7);
  u.disabled = r.boolean(8);
  u.otp_enabled = r.boolean(9);
  u.preferences_json = r.text(10);
  u.created_at = r.int64(11);
  return u;
}

std::optional<model::User> one_user(Connection& c, const std::string& where, SqlArgs args) {
  auto row = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where, args);
  if (!row) return std::nullopt;
  return user_from(*row);
}

// "?,?,?" and the values, for "id IN (…)". One statement per batch size
// keeps the prepared-statement cache small.
std::vector<SqlValue> id_args(const std::vector<int64_t>& ids, std::string& placeholders) {
  std::vector<SqlValue> args;
  for (size_t i = 0; i < ids.size(); ++i) {
    placeholders += i ? ",?" : "?";
    args.emplace_back(ids[i]);
  }
  return args;
}

}  // namespace

std::optional<model::Account> find(Connection& c, int64_t id) { return one(c, "id = ?", {id}); }

std::optional<model::Account> find_local(Connection& c, const std::string& username) {
  return one(c, "lower(username) = lower(?) AND domain IS NULL", {username});
}

std::optional<model::Account> find_by_uri(Connection& c, const std::string& uri) { return one(c, "uri = ?", {uri}); }

std::optional<model::Account> find_by_key_id(Connection& c, const std::string& key_id) {
  return one(c, "key_id = ?", {key_id});
}

std::optional<model::Account> find_by_acct(Connection& c, const std::string& username, const std::string& domain) {
  if (domain.empty()) return find_local(c, username);
  return one(c, "lower(username) = lower(?) AND lower(domain) = lower(?)", {username, domain});
}

std::vector<model::Account> find_many(Connection& c, const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  std::string placeholders;
  auto args = id_args(ids, placeholders);
  return accounts_from(c, c.query(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE id IN (" +
                                      placeholders + ")",
                                  std::span<const SqlValue>(args)));
}

namespace {

constexpr const char* kListed =
    "(accounts.domain IS NOT NULL OR EXISTS (SELECT 1 FROM users u WHERE u.account_id = accounts.id"
    " AND u.confirmed_at IS NOT NULL AND u.approved = TRUE))";

}  // namespace

std::vector<model::Account> find_many_listed(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<model::Account> out;
  if (ids.empty()) return out;
  std::string placeholders;
  auto args = id_args(ids, placeholders);
  auto found = accounts_from(c, c.query(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE id IN (" +
                                            placeholders + ") AND " + kListed,
                                        std::span<const SqlValue>(args)));
  for (int64_t id : ids)
    for (auto& a : found)
      if (a.id == id) out.push_back(a);
  return out;
}

void save_profile(Connection& c, const model::Account& a, int64_t now) {
  c.execute(
      "UPDATE accounts SET display_name = ?, note = ?, note_source = ?, fields = ?, fields_source = ?,"
      " actor_type = ?, locked = ?, discoverable = ?, indexable = ?, hide_collections = ?, avatar_file = ?,"
      " header_file = ?, updated_at = ? WHERE id = ?",
      {a.display_name, a.note, a.note_source, a.fields_json, a.fields_source_json, a.actor_type, a.locked,
       a.discoverable ? SqlValue(*a.discoverable) : SqlValue(SqlNull{}), a.indexable,
       a.hide_collections ? SqlValue(*a.hide_collections) : SqlValue(SqlNull{}),
       a.avatar_file.empty() ? SqlValue(SqlNull{}) : SqlValue(a.avatar_file),
       a.header_file.empty() ? SqlValue(SqlNull{}) : SqlValue(a.header_file), now, a.id});
}

void save_preferences(Connection& c, int64_t user_id, const std::string& json, int64_t now) {
  c.execute("UPDATE users SET preferences = ?, updated_at = ? WHERE id = ?", {json, now, user_id});
}

int64_t count_follow_requests(Connection& c, int64_t account_id, int64_t cap) {
  auto row = c.query_one(
      "SELECT COUNT(*) FROM (SELECT 1 FROM follow_requests WHERE target_account_id = ? LIMIT ?) AS pending",
      {account_id, cap});
  return row ? row->int64(0) : 0;
}

std::vector<model::Account> search(Connection& c, const AccountSearch& s) {
  std::string pattern = like_prefix(s.username);
  std::string lowered = s.username;
  for (auto& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string sql = std::string("SELECT ") + kAccountColumns +
                    " FROM accounts WHERE suspended_at IS NULL AND moved_to_account_id IS NULL AND " + kListed +
                    " AND (lower(username) LIKE ? ESCAPE '\\' OR lower(display_name) LIKE ? ESCAPE '\\'"
                    " OR lower(display_name) LIKE ? ESCAPE '\\')";
  std::vector<SqlValue> args{pattern, pattern, "% " + pattern};
  if (s.domain && s.domain->empty()) {
    sql += " AND domain IS NULL";
  } else if (s.domain) {
    sql += " AND lower(domain) LIKE ? ESCAPE '\\'";
    args.emplace_back(like_prefix(*s.domain));
  }
  if (s.followed_by) {
    sql += " AND id IN (SELECT target_account_id FROM follows WHERE account_id = ?)";
    args.emplace_back(*s.followed_by);
  }
  sql += " ORDER BY CASE WHEN lower(username) = ? THEN 0 ELSE 1 END, CASE WHEN domain IS NULL THEN 0 ELSE 1 END,"
         " followers_count DESC, id LIMIT ? OFFSET ?";
  args.emplace_back(lowered);
  args.emplace_back(static_cast<int64_t>(s.limit));
  args.emplace_back(static_cast<int64_t>(s.offset));
  return accounts_from(c, c.query(sql, std::span<const SqlValue>(args)));
}

std::optional<model::User> find_user(Connection& c, int64_t user_id) { return one_user(c, "id = ?", {user_id}); }

std::string holder_join(const std::string& user_id_sql) {
  // Derived tables keep each column list as it is elsewhere; both databases
  // turn them into index lookups by key.
  return std::string(" LEFT JOIN (SELECT ") + kUserColumns + " FROM users) u ON u.id = " + user_id_sql +
         " LEFT JOIN (SELECT " + kAccountColumns + " FROM accounts) a ON a.id = u.account_id";
}

std::optional<Holder> holder_from(Connection& c, const Row& row, size_t first) {
  constexpr size_t kUserCount = column_count(kUserColumns), kAccountCount = column_count(kAccountColumns);
  if (row.size() != first + kUserCount + kAccountCount) throw DatabaseError("holder columns do not match");
  if (row.is_null(first)) return std::nullopt;
  Holder h{user_from(row.columns(first, kUserCount)), std::nullopt};
  if (!row.is_null(first + kUserCount)) {
    auto accounts = accounts_from(c, {row.columns(first + kUserCount, kAccountCount)});
    h.account = std::move(accounts.front());
  }
  return h;
}

std::optional<model::User> find_user_by_account(Connection& c, int64_t account_id) {
  return one_user(c, "account_id = ?", {account_id});
}

std::optional<model::User> find_user_by_email(Connection& c, const std::string& email) {
  return one_user(c, "lower(email) = lower(?)", {email});
}

}  // namespace agora::store::accounts
