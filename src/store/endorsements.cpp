#include "store/endorsements.h"

#include "core/snowflake.h"
#include "store/statement.h"

namespace agora::store::endorsements {

bool insert(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now_ms) {
  return c.execute("INSERT INTO account_pins (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT (account_id, target_account_id) DO NOTHING",
                   {next_id(), account_id, target_account_id, now_ms}) > 0;
}

bool remove(Connection& c, int64_t account_id, int64_t target_account_id) {
  return c.execute("DELETE FROM account_pins WHERE account_id = ? AND target_account_id = ?",
                   {account_id, target_account_id}) > 0;
}

std::vector<int64_t> page(Connection& c, int64_t account_id, const model::PageRequest& page) {
  Statement s(
      "SELECT a.id FROM account_pins p JOIN accounts a ON a.id = p.target_account_id"
      " WHERE p.account_id = ? AND a.suspended_at IS NULL",
      {account_id});
  if (page.limit > 0) {
    s.add_newest_first_page("a.id", page);
  } else {
    s.add(" ORDER BY a.id DESC");
  }
  std::vector<int64_t> out;
  for (const auto& r : s.query(c)) out.push_back(r.int64(0));
  return out;
}

}  // namespace agora::store::endorsements

namespace agora::store::account_notes {

void upsert(Connection& c, int64_t account_id, int64_t target_account_id, const std::string& comment, int64_t now_ms) {
  c.execute("INSERT INTO account_notes (account_id, target_account_id, comment, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (account_id, target_account_id) DO UPDATE SET comment = excluded.comment,"
            " updated_at = excluded.updated_at",
            {account_id, target_account_id, comment, now_ms});
}

bool remove(Connection& c, int64_t account_id, int64_t target_account_id) {
  return c.execute("DELETE FROM account_notes WHERE account_id = ? AND target_account_id = ?",
                   {account_id, target_account_id}) > 0;
}

}  // namespace agora::store::account_notes
