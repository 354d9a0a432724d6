#include "store/follows.h"

#include "store/exclusions.h"
#include "store/json_columns.h"
#include "store/statement.h"

namespace agora::store::follows {

namespace {

const char* table_name(Table t) { return t == Table::follows ? "follows" : "follow_requests"; }

constexpr const char* kColumns =
    "id, account_id, target_account_id, show_reblogs, notify, languages, uri, created_at";

model::Follow follow_from(const Row& r) {
  model::Follow f;
  f.id = r.int64(0);
  f.account_id = r.int64(1);
  f.target_account_id = r.int64(2);
  f.show_reblogs = r.boolean(3);
  f.notify = r.boolean(4);
  f.languages = string_array_from(r, 5);
  f.uri = r.text(6);
  f.created_at = r.int64(7);
  return f;
}

void change_counters(Connection& c, const model::Follow& f, int delta) {
  // Never below zero, even if a count drifted.
  const char* sql_following = delta > 0
      ? "UPDATE accounts SET following_count = following_count + 1 WHERE id = ?"
      : "UPDATE accounts SET following_count = CASE WHEN following_count > 0 THEN following_count - 1 ELSE 0 END"
        " WHERE id = ?";
  const char* sql_followers = delta > 0
      ? "UPDATE accounts SET followers_count = followers_count + 1 WHERE id = ?"
      : "UPDATE accounts SET followers_count = CASE WHEN followers_count > 0 THEN followers_count - 1 ELSE 0 END"
        " WHERE id = ?";
  // Rows are locked in id order, so two transactions touching the same two
  // accounts (a Reject and an Undo crossing) cannot deadlock on PostgreSQL.
  if (f.account_id < f.target_account_id) {
    c.execute(sql_following, {f.account_id});
    c.execute(sql_followers, {f.target_account_id});
  } else {
    c.execute(sql_followers, {f.target_account_id});
    c.execute(sql_following, {f.account_id});
  }
}

// One account's follow rows joined to the other side's account, newest first.
std::vector<Entry> page_of(Connection& c, const char* where_column, const char* other_column, int64_t account_id,
                           const model::PageRequest& page, std::optional<int64_t> viewer, int64_t now_ms) {
  Statement s(std::string("SELECT f.id, a.id FROM follows f JOIN accounts a ON a.id = f.") + other_column +
                  " WHERE f." + where_column + " = ? AND a.suspended_at IS NULL",
              {account_id});
  if (viewer) add_not_excluded(s, "a.id", "a.domain", *viewer, now_ms);
  s.add_newest_first_page("f.id", page);
  std::vector<Entry> out;
  for (const auto& r : s.query(c)) out.push_back({r.int64(0), r.int64(1)});
  return out;
}

}  // namespace

std::optional<model::Follow> find(Connection& c, Table t, int64_t account_id, int64_t target_account_id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM " + table_name(t) +
                             " WHERE account_id = ? AND target_account_id = ?",
                         {account_id, target_account_id});
  if (!row) return std::nullopt;
  return follow_from(*row);
}

std::optional<model::Follow> find_by_uri(Connection& c, Table t, const std::string& uri) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM " + table_name(t) + " WHERE uri = ?", {uri});
  if (!row) return std::nullopt;
  return follow_from(*row);
}

bool insert(Connection& c, Table t, const model::Follow& f) {
  auto changed = c.execute(std::string("INSERT INTO ") + table_name(t) +
                               " (id, account_id, target_account_id, show_reblogs, notify, languages, uri, created_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, target_account_id) DO NOTHING",
                           {f.id, f.account_id, f.target_account_id, f.show_reblogs, f.notify,
                            string_array_value(f.languages), f.uri.empty() ? SqlValue(SqlNull{}) : SqlValue(f.uri),
                            f.created_at});
  if (changed == 0) return false;
  if (t == Table::follows) change_counters(c, f, +1);
  return true;
}

void update_options(Connection& c, Table t, const model::Follow& f) {
  c.execute(std::string("UPDATE ") + table_name(t) + " SET show_reblogs = ?, notify = ?, languages = ? WHERE id = ?",
            {f.show_reblogs, f.notify, string_array_value(f.languages), f.id});
}

std::optional<model::Follow> remove(Connection& c, Table t, int64_t account_id, int64_t target_account_id) {
  auto f = find(c, t, account_id, target_account_id);
  if (!f) return std::nullopt;
  if (c.execute(std::string("DELETE FROM ") + table_name(t) + " WHERE id = ?", {f->id}) == 0) return std::nullopt;
  if (t == Table::follows) change_counters(c, *f, -1);
  return f;
}

std::vector<Entry> followers(Connection& c, int64_t account_id, const model::PageRequest& page,
                             std::optional<int64_t> viewer, int64_t now_ms) {
  return page_of(c, "target_account_id", "account_id", account_id, page, viewer, now_ms);
}

std::vector<Entry> following(Connection& c, int64_t account_id, const model::PageRequest& page,
                             std::optional<int64_t> viewer, int64_t now_ms) {
  return page_of(c, "account_id", "target_account_id", account_id, page, viewer, now_ms);
}

std::vector<Entry> requests_to(Connection& c, int64_t target_account_id, const model::PageRequest& page) {
  Statement s(
      "SELECT r.id, a.id FROM follow_requests r JOIN accounts a ON a.id = r.account_id"
      " WHERE r.target_account_id = ? AND a.suspended_at IS NULL",
      {target_account_id});
  s.add_newest_first_page("r.id", page);
  std::vector<Entry> out;
  for (const auto& r : s.query(c)) out.push_back({r.int64(0), r.int64(1)});
  return out;
}

std::vector<int64_t> follower_ids_on_domain(Connection& c, int64_t account_id, const std::string& domain) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT a.id FROM follows f JOIN accounts a ON a.id = f.account_id"
                               " WHERE f.target_account_id = ? AND a.domain = ?",
                               {account_id, domain}))
    out.push_back(r.int64(0));
  return out;
}

std::vector<int64_t> requester_ids(Connection& c, int64_t target_account_id) {
  std::vector<int64_t> out;
  for (const auto& row :
       c.query("SELECT account_id FROM follow_requests WHERE target_account_id = ? ORDER BY id", {target_account_id}))
    out.push_back(row.int64(0));
  return out;
}

std::vector<int64_t> notified_local_follower_ids(Connection& c, int64_t account_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id"
                               " WHERE f.target_account_id = ? AND f.notify AND a.domain IS NULL",
                               {account_id}))
    out.push_back(r.int64(0));
  return out;
}

bool has_local_followers(Connection& c, int64_t account_id) {
  // CROSS JOIN keeps SQLite on the account's followers: driven from the local
  // accounts instead, the check probed every local account (cost grew with the members).
  return c.query_one("SELECT 1 FROM follows f CROSS JOIN accounts a"
                     " WHERE a.id = f.account_id AND f.target_account_id = ? AND a.domain IS NULL LIMIT 1",
                     {account_id})
      .has_value();
}

std::vector<int64_t> local_follower_ids(Connection& c, int64_t account_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id"
                               " WHERE f.target_account_id = ? AND a.domain IS NULL",
                               {account_id}))
    out.push_back(r.int64(0));
  return out;
}

std::vector<int64_t> connected_ids(Connection& c, int64_t account_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT target_account_id FROM follows WHERE account_id = ?"
                               " UNION SELECT account_id FROM follows WHERE target_account_id = ?"
                               " UNION SELECT target_account_id FROM follow_requests WHERE account_id = ?"
                               " UNION SELECT account_id FROM follow_requests WHERE target_account_id = ?",
                               {account_id, account_id, account_id, account_id}))
    out.push_back(r.int64(0));
  return out;
}

}  // namespace agora::store::follows
