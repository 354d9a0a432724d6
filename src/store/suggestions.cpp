#include "store/suggestions.h"

#include "core/snowflake.h"
#include "store/exclusions.h"
#include "store/statement.h"

namespace agora::store {

namespace {

// Accounts that may be suggested or listed: discoverable, usable, not
// silenced, not memorials, not moved away.
void add_discoverable(Statement& s) {
  s.add(" AND a.discoverable AND a.silenced_at IS NULL AND NOT a.memorial AND a.moved_to_account_id IS NULL");
  add_account_usable(s, "a");
}

void add_not_suggestible_to(Statement& s, int64_t viewer, int64_t now_ms) {
  s.add(" AND a.id <> ?"
        " AND NOT EXISTS (SELECT 1 FROM follows sf WHERE sf.account_id = ? AND sf.target_account_id = a.id)"
        " AND NOT EXISTS (SELECT 1 FROM follow_requests sr WHERE sr.account_id = ? AND sr.target_account_id = a.id)"
        " AND NOT EXISTS (SELECT 1 FROM follow_suggestion_dismissals sd WHERE sd.account_id = ?"
        " AND sd.target_account_id = a.id)",
        {viewer, viewer, viewer, viewer});
  add_not_excluded(s, "a.id", "a.domain", viewer, now_ms);
  add_discoverable(s);
}

std::vector<int64_t> ids(const Statement& s, Connection& c) {
  std::vector<int64_t> out;
  for (const auto& r : s.query(c)) out.push_back(r.int64(0));
  return out;
}

}  // namespace

namespace suggestions {

std::vector<int64_t> friends_of_friends(Connection& c, int64_t viewer, int limit, int64_t now_ms) {
  Statement s(
      "SELECT a.id FROM follows mine JOIN follows theirs ON theirs.account_id = mine.target_account_id"
      " JOIN accounts a ON a.id = theirs.target_account_id WHERE mine.account_id = ?",
      {viewer});
  add_not_suggestible_to(s, viewer, now_ms);
  s.add(" GROUP BY a.id, a.followers_count ORDER BY COUNT(*) DESC, a.followers_count DESC, a.id DESC LIMIT ?",
        {static_cast<int64_t>(limit)});
  return ids(s, c);
}

std::vector<int64_t> most_followed(Connection& c, int64_t viewer, int limit, int64_t now_ms) {
  Statement s("SELECT a.id FROM accounts a WHERE a.followers_count > 0");
  add_not_suggestible_to(s, viewer, now_ms);
  s.add(" ORDER BY a.followers_count DESC, a.id DESC LIMIT ?", {static_cast<int64_t>(limit)});
  return ids(s, c);
}

void dismiss(Connection& c, int64_t viewer, int64_t target_account_id, int64_t now_ms) {
  c.execute("INSERT INTO follow_suggestion_dismissals (id, account_id, target_account_id, created_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (account_id, target_account_id) DO NOTHING",
            {next_id(), viewer, target_account_id, now_ms});
}

}  // namespace suggestions

namespace directory {

std::vector<int64_t> page(Connection& c, std::optional<int64_t> viewer, bool local_only, Order order, int64_t offset,
                          int limit, int64_t now_ms) {
  Statement s("SELECT a.id FROM accounts a WHERE 1 = 1");
  add_discoverable(s);
  if (local_only) s.add(" AND a.domain IS NULL");
  if (viewer) add_not_excluded(s, "a.id", "a.domain", *viewer, now_ms);
  s.add(order == Order::newest ? " ORDER BY a.id DESC" : " ORDER BY a.last_status_at DESC NULLS LAST, a.id DESC");
  s.add(" LIMIT ? OFFSET ?", {static_cast<int64_t>(limit), offset});
  return ids(s, c);
}

}  // namespace directory

}  // namespace agora::store
