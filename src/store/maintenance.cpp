#include "store/maintenance.h"

namespace agora::store::maintenance {

namespace {

// What each counter should be, as a correlated count over the rows it counts.
// The same rules as the increments: boosts count on the boosted status, not
// as statuses of the booster.
struct Counter {
  const char* table;
  const char* column;
  const char* expected;
};
constexpr Counter kCounters[] = {
    {"accounts", "statuses_count",
     "(SELECT COUNT(*) FROM statuses s WHERE s.account_id = t.id AND s.reblog_of_id IS NULL"
     " AND s.deleted_at IS NULL)"},
    {"accounts", "followers_count", "(SELECT COUNT(*) FROM follows f WHERE f.target_account_id = t.id)"},
    {"accounts", "following_count", "(SELECT COUNT(*) FROM follows f WHERE f.account_id = t.id)"},
    {"statuses", "replies_count",
     "(SELECT COUNT(*) FROM statuses r WHERE r.in_reply_to_id = t.id AND r.reblog_of_id IS NULL"
     " AND r.deleted_at IS NULL)"},
    {"statuses", "reblogs_count", "(SELECT COUNT(*) FROM statuses r WHERE r.reblog_of_id = t.id)"},
    {"statuses", "favourites_count", "(SELECT COUNT(*) FROM favourites f WHERE f.status_id = t.id)"},
};

}  // namespace

std::vector<CounterFix> fix_counters(Connection& c) {
  std::vector<CounterFix> fixes;
  for (const auto& counter : kCounters) {
    std::string table = counter.table, column = counter.column, expected = counter.expected;
    auto rows = c.query("SELECT id, " + column + ", expected FROM (SELECT t.id, t." + column + ", " + expected +
                        " AS expected FROM " + table + " t) x WHERE " + column + " <> expected ORDER BY id");
    for (const auto& r : rows) {
      CounterFix fix{table, r.int64(0), column, r.int64(1), r.int64(2)};
      c.execute("UPDATE " + table + " SET " + column + " = ? WHERE id = ?", {fix.now, fix.id});
      fixes.push_back(std::move(fix));
    }
  }
  return fixes;
}

void recount(Connection& c, const std::vector<int64_t>& account_ids, const std::vector<int64_t>& status_ids) {
  for (const auto& counter : kCounters) {
    std::string table = counter.table;
    const auto& ids = table == "accounts" ? account_ids : status_ids;
    // The correlated count names the row being updated by its table (an UPDATE takes no alias everywhere).
    std::string expected = counter.expected;
    for (auto at = expected.find("t.id"); at != std::string::npos; at = expected.find("t.id", at + table.size()))
      expected.replace(at, 4, table + ".id");
    for (int64_t id : ids)
      c.execute("UPDATE " + table + " SET " + counter.column + " = " + expected + " WHERE id = ?", {id});
  }
}

void rebuild_search_index(Connection& c) {
  if (c.dialect() == Dialect::sqlite)
    c.execute("INSERT INTO statuses_fts (statuses_fts) VALUES ('rebuild')");
  else
    c.exec_script("REINDEX INDEX statuses_full_text");
}

}  // namespace agora::store::maintenance
