// One SQL statement built from fragments, each with its own arguments, for
// queries whose shape depends on the request (optional bounds, id lists).
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store {

class Statement {
 public:
  explicit Statement(std::string_view sql = {}, SqlArgs args = {}) { add(sql, args); }

  Statement& add(std::string_view sql, SqlArgs args = {});
  // "(?,?,…)" for a non-empty id list. The list is padded (by repeating its
  // last id) to one of a few lengths, so each connection prepares only a
  // handful of statements however many ids clients send.
  Statement& add_id_list(const std::vector<int64_t>& ids);
  // "(?,?,…)" for a short non-empty list of texts (types, group keys), not padded.
  Statement& add_text_list(const std::vector<std::string>& values);
  // " AND column < max_id AND column > since_id ORDER BY column DESC LIMIT n":
  // Mastodon's newest-first paging by a row id. min_id is not used here.
  Statement& add_newest_first_page(std::string_view column, const model::PageRequest& page);
  // The same with min_id as timelines read it: with min_id, the `limit` rows
  // right after it (fetched oldest first); query() still returns them newest first.
  Statement& add_page(std::string_view column, const model::PageRequest& page);

  std::vector<Row> query(Connection& c) const;
  int64_t execute(Connection& c) const { return c.execute(sql_, args_); }
  const std::string& sql() const { return sql_; }

 private:
  std::string sql_;
  std::vector<SqlValue> args_;
  bool oldest_first_ = false;  // rows come oldest first and are reversed
};

// The longest id list a single statement takes; callers cut longer lists.
constexpr size_t kMaxIdList = 200;

// The number of columns in a list of columns ("id, (SELECT …), name"): its commas outside parentheses, plus one.
constexpr size_t column_count(std::string_view columns) {
  size_t count = 1;
  int depth = 0;
  for (char ch : columns) {
    if (ch == '(') ++depth;
    if (ch == ')') --depth;
    if (ch == ',' && depth == 0) ++count;
  }
  return count;
}

// Calls `each` with consecutive slices of `ids`, none longer than kMaxIdList.
template <class F>
void for_id_slices(const std::vector<int64_t>& ids, F&& each) {
  for (size_t i = 0; i < ids.size(); i += kMaxIdList) {
    std::vector<int64_t> slice(ids.begin() + i, ids.begin() + std::min(ids.size(), i + kMaxIdList));
    each(slice);
  }
}

}  // namespace agora::store
