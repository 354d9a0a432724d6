#include "store/text_match.h"

#include <cctype>

namespace agora::store {

std::string like_prefix(const std::string& prefix) {
  std::string out;
  for (char ch : prefix) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out + "%";
}

namespace {

// Every whitespace-separated word as an FTS5 string ("…" with quotes
// doubled): FTS5 then reads no operators (OR, NEAR, *, ^, :) and the words
// must all appear. A word the tokenizer drops (only punctuation) is ignored.
std::string fts5_query(const std::string& query) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char ch : word) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
    word.clear();
  };
  for (char ch : query) {
    if (std::isspace(static_cast<unsigned char>(ch))) flush();
    else word += ch;
  }
  flush();
  return out;
}

}  // namespace

void add_full_text_match(Statement& s, Dialect dialect, const std::string& alias, const std::string& query) {
  if (dialect == Dialect::sqlite) {
    auto match = fts5_query(query);
    if (match.empty()) match = "\"\"";  // matches nothing
    // statuses_fts is an external-content FTS5 table kept in sync by triggers (migration 0012).
    s.add(" AND " + alias + ".id IN (SELECT rowid FROM statuses_fts WHERE statuses_fts MATCH ?)", {match});
  } else {
    // plainto_tsquery reads the words only (no operators); the expression is the one indexed (migration 0012).
    s.add(" AND to_tsvector('simple', " + alias + ".text || ' ' || " + alias +
              ".spoiler_text) @@ plainto_tsquery('simple', ?)",
          {query});
  }
}

}  // namespace agora::store
