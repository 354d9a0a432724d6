// The accounts a member does not want to see, as SQL: those they block or
// that block them, those they mute (while the mute lasts), and those on a
// domain they block. Mastodon's "excluded_from_timeline_account_ids".
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/statement.h"

namespace agora::store {

// Adds " AND <account_id_sql> is none of those" for `viewer` at `now_ms`.
// `domain_sql` is the column holding that account's domain.
void add_not_excluded(Statement& s, const std::string& account_id_sql, const std::string& domain_sql,
                      int64_t viewer, int64_t now_ms);

// Adds " AND " a condition true for accounts that can be shown to others:
// not suspended, and for local ones a confirmed, approved, enabled user.
void add_account_usable(Statement& s, const std::string& alias);

// Of `account_ids`: those `viewer` has not excluded at `now_ms` (any number of ids).
std::vector<int64_t> not_excluded(Connection& c, int64_t viewer, const std::vector<int64_t>& account_ids,
                                  int64_t now_ms);

}  // namespace agora::store
