#include "store/statement.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace agora::store {

Statement& Statement::add(std::string_view sql, SqlArgs args) {
  sql_ += sql;
  args_.insert(args_.end(), args.begin(), args.end());
  return *this;
}

Statement& Statement::add_id_list(const std::vector<int64_t>& ids) {
  if (ids.empty()) throw std::invalid_argument("empty id list");
  if (ids.size() > kMaxIdList) throw std::invalid_argument("id list too long");
  static constexpr std::array<size_t, 6> kLengths = {1, 4, 16, 40, 80, kMaxIdList};
  size_t length = kMaxIdList;
  for (size_t l : kLengths)
    if (ids.size() <= l) {
      length = l;
      break;
    }
  sql_ += '(';
  for (size_t i = 0; i < length; ++i) {
    sql_ += i ? ",?" : "?";
    args_.emplace_back(ids[std::min(i, ids.size() - 1)]);
  }
  sql_ += ')';
  return *this;
}

Statement& Statement::add_text_list(const std::vector<std::string>& values) {
  if (values.empty()) throw std::invalid_argument("empty text list");
  if (values.size() > kMaxIdList) throw std::invalid_argument("text list too long");
  sql_ += '(';
  for (size_t i = 0; i < values.size(); ++i) {
    sql_ += i ? ",?" : "?";
    args_.emplace_back(values[i]);
  }
  sql_ += ')';
  return *this;
}

Statement& Statement::add_newest_first_page(std::string_view column, const model::PageRequest& page) {
  std::string col(column);
  if (page.max_id) add(" AND " + col + " < ?", {*page.max_id});
  if (page.since_id) add(" AND " + col + " > ?", {*page.since_id});
  add(" ORDER BY " + col + " DESC LIMIT ?", {static_cast<int64_t>(page.limit)});
  return *this;
}

Statement& Statement::add_page(std::string_view column, const model::PageRequest& page) {
  if (!page.min_id) return add_newest_first_page(column, page);
  std::string col(column);
  add(" AND " + col + " > ?", {*page.min_id});
  if (page.max_id) add(" AND " + col + " < ?", {*page.max_id});
  add(" ORDER BY " + col + " ASC LIMIT ?", {static_cast<int64_t>(page.limit)});
  oldest_first_ = true;
  return *this;
}

std::vector<Row> Statement::query(Connection& c) const {
  auto rows = c.query(sql_, args_);
  if (oldest_first_) std::reverse(rows.begin(), rows.end());
  return rows;
}

}  // namespace agora::store
