// Repairs an operator runs from the command line (agora maintenance …,
// agora search reindex): counters recomputed from the rows they count, and
// the full-text index of statuses rebuilt.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::maintenance {

// One counter that did not match its rows.
struct CounterFix {
  std::string table;   // "accounts" or "statuses"
  int64_t id = 0;
  std::string column;  // "followers_count", …
  int64_t was = 0, now = 0;
};

// Recomputes accounts' statuses/followers/following counts and statuses'
// replies/reblogs/favourites counts, writes the ones that differ and
// returns them. Call inside a transaction.
std::vector<CounterFix> fix_counters(Connection& c);

// Recomputes the counters of these accounts and statuses only (after rows
// that counted on them went away, as in a domain purge).
void recount(Connection& c, const std::vector<int64_t>& account_ids, const std::vector<int64_t>& status_ids);

// Rebuilds the full-text index search uses (SQLite FTS5 table, PostgreSQL GIN index).
void rebuild_search_index(Connection& c);

}  // namespace agora::store::maintenance
