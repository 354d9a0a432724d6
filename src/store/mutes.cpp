#include "store/mutes.h"

#include "core/snowflake.h"
#include "store/statement.h"

namespace agora::store::mutes {

void upsert(Connection& c, int64_t account_id, int64_t target_account_id, bool hide_notifications,
            std::optional<int64_t> expires_at, int64_t now_ms) {
  c.execute(
      "INSERT INTO mutes (id, account_id, target_account_id, hide_notifications, expires_at, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, target_account_id) DO UPDATE SET"
      " hide_notifications = excluded.hide_notifications, expires_at = excluded.expires_at",
      {next_id(), account_id, target_account_id, hide_notifications,
       expires_at ? SqlValue(*expires_at) : SqlValue(SqlNull{}), now_ms});
}

bool remove(Connection& c, int64_t account_id, int64_t target_account_id) {
  return c.execute("DELETE FROM mutes WHERE account_id = ? AND target_account_id = ?",
                   {account_id, target_account_id}) > 0;
}

bool hides_notifications(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now_ms) {
  return c.query_one("SELECT 1 FROM mutes WHERE account_id = ? AND target_account_id = ? AND hide_notifications"
                     " AND (expires_at IS NULL OR expires_at > ?)",
                     {account_id, target_account_id, now_ms})
      .has_value();
}

std::vector<Entry> page(Connection& c, int64_t account_id, const model::PageRequest& page, int64_t now_ms) {
  Statement s(
      "SELECT m.id, m.target_account_id, m.expires_at FROM mutes m JOIN accounts a ON a.id = m.target_account_id"
      " WHERE m.account_id = ? AND a.suspended_at IS NULL AND (m.expires_at IS NULL OR m.expires_at > ?)",
      {account_id, now_ms});
  s.add_newest_first_page("m.id", page);
  std::vector<Entry> out;
  for (const auto& r : s.query(c)) out.push_back({r.int64(0), r.int64(1), r.opt_int64(2)});
  return out;
}

}  // namespace agora::store::mutes
