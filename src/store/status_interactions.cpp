#include "store/status_interactions.h"

#include <string>

#include "core/snowflake.h"
#include "store/exclusions.h"
#include "store/statement.h"

namespace agora::store {

namespace {

std::vector<RowRef> rows_of(const Statement& s, Connection& c) {
  std::vector<RowRef> out;
  for (const auto& r : s.query(c)) out.push_back({r.int64(0), r.int64(1)});
  return out;
}

// A member's rows of `table` ({id, status_id}), newest first.
std::vector<RowRef> own_rows(Connection& c, const char* table, int64_t account_id, const model::PageRequest& page) {
  Statement s(std::string("SELECT id, status_id FROM ") + table + " WHERE account_id = ?", {account_id});
  s.add_page("id", page);
  return rows_of(s, c);
}

// Accounts behind rows of `from` (aliased r, with r.id and r.account_id) about a status.
std::vector<RowRef> accounts_behind(Connection& c, const std::string& from, const std::string& status_column,
                                    int64_t status_id, const model::PageRequest& page, std::optional<int64_t> viewer,
                                    int64_t now_ms) {
  Statement s("SELECT r.id, a.id FROM " + from + " JOIN accounts a ON a.id = r.account_id WHERE r." + status_column +
                  " = ? AND a.suspended_at IS NULL",
              {status_id});
  if (viewer) add_not_excluded(s, "a.id", "a.domain", *viewer, now_ms);
  s.add_newest_first_page("r.id", page);
  return rows_of(s, c);
}

bool insert_row(Connection& c, const char* table, int64_t account_id, int64_t status_id, int64_t now_ms) {
  return c.execute(std::string("INSERT INTO ") + table +
                       " (id, account_id, status_id, created_at) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (account_id, status_id) DO NOTHING",
                   {next_id(), account_id, status_id, now_ms}) > 0;
}

bool remove_row(Connection& c, const char* table, int64_t account_id, int64_t status_id) {
  return c.execute(std::string("DELETE FROM ") + table + " WHERE account_id = ? AND status_id = ?",
                   {account_id, status_id}) > 0;
}

}  // namespace

namespace favourites {

bool insert(Connection& c, int64_t account_id, int64_t status_id, int64_t now_ms) {
  if (!insert_row(c, "favourites", account_id, status_id, now_ms)) return false;
  c.execute("UPDATE statuses SET favourites_count = favourites_count + 1 WHERE id = ?", {status_id});
  return true;
}

bool remove(Connection& c, int64_t account_id, int64_t status_id) {
  if (!remove_row(c, "favourites", account_id, status_id)) return false;
  c.execute("UPDATE statuses SET favourites_count = favourites_count - 1 WHERE id = ? AND favourites_count > 0",
            {status_id});
  return true;
}

std::vector<RowRef> of_account(Connection& c, int64_t account_id, const model::PageRequest& page) {
  return own_rows(c, "favourites", account_id, page);
}

std::vector<RowRef> accounts_of(Connection& c, int64_t status_id, const model::PageRequest& page,
                                std::optional<int64_t> viewer, int64_t now_ms) {
  return accounts_behind(c, "favourites r", "status_id", status_id, page, viewer, now_ms);
}

}  // namespace favourites

namespace bookmarks {

bool insert(Connection& c, int64_t account_id, int64_t status_id, int64_t now_ms) {
  return insert_row(c, "bookmarks", account_id, status_id, now_ms);
}
bool remove(Connection& c, int64_t account_id, int64_t status_id) {
  return remove_row(c, "bookmarks", account_id, status_id);
}
std::vector<RowRef> of_account(Connection& c, int64_t account_id, const model::PageRequest& page) {
  return own_rows(c, "bookmarks", account_id, page);
}

}  // namespace bookmarks

namespace reblogs {

std::vector<RowRef> accounts_of(Connection& c, int64_t status_id, const model::PageRequest& page,
                                std::optional<int64_t> viewer, int64_t now_ms) {
  return accounts_behind(c, "statuses r", "reblog_of_id", status_id, page, viewer, now_ms);
}

}  // namespace reblogs

namespace status_pins {

int64_t count(Connection& c, int64_t account_id) {
  auto row = c.query_one("SELECT COUNT(*) FROM status_pins WHERE account_id = ?", {account_id});
  return row ? row->int64(0) : 0;
}
bool insert(Connection& c, int64_t account_id, int64_t status_id, int64_t now_ms) {
  return insert_row(c, "status_pins", account_id, status_id, now_ms);
}
bool remove(Connection& c, int64_t account_id, int64_t status_id) {
  return remove_row(c, "status_pins", account_id, status_id);
}

}  // namespace status_pins

namespace conversation_mutes {

void insert(Connection& c, int64_t account_id, int64_t conversation_id) {
  c.execute("INSERT INTO conversation_mutes (account_id, conversation_id) VALUES (?, ?)"
            " ON CONFLICT (account_id, conversation_id) DO NOTHING",
            {account_id, conversation_id});
}
void remove(Connection& c, int64_t account_id, int64_t conversation_id) {
  c.execute("DELETE FROM conversation_mutes WHERE account_id = ? AND conversation_id = ?",
            {account_id, conversation_id});
}
bool mutes_thread_of(Connection& c, int64_t account_id, int64_t status_id) {
  return c
      .query_one("SELECT 1 FROM statuses s JOIN conversation_mutes m ON m.conversation_id = s.conversation_id"
                 " WHERE s.id = ? AND m.account_id = ?",
                 {status_id, account_id})
      .has_value();
}

}  // namespace conversation_mutes

}  // namespace agora::store
