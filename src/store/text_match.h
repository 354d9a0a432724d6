// Matching what people type against stored text, safely: LIKE prefixes with
// their wildcards escaped, and full-text search of statuses, the one place
// where SQLite (FTS5) and PostgreSQL (tsvector) differ.
#pragma once
#include <string>

#include "store/statement.h"

namespace agora::store {

// A LIKE pattern (use with ESCAPE '\') matching `prefix` literally at the start, lower-cased (ASCII).
std::string like_prefix(const std::string& prefix);

// Adds " AND " a condition true when the status `alias` (a statuses row)
// contains every word of `query` in its text or content warning. Operators
// and quotes in the query are taken as plain words, never as syntax.
void add_full_text_match(Statement& s, Dialect dialect, const std::string& alias, const std::string& query);

}  // namespace agora::store
