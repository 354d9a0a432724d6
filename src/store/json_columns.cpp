#include "store/json_columns.h"

#include <boost/json.hpp>

namespace agora::store {

SqlValue string_array_value(const std::optional<std::vector<std::string>>& list) {
  if (!list || list->empty()) return SqlNull{};
  boost::json::array a;
  for (const auto& s : *list) a.emplace_back(s);
  return boost::json::serialize(a);
}

std::optional<std::vector<std::string>> string_array_from(const Row& row, size_t column) {
  if (row.is_null(column)) return std::nullopt;
  std::error_code ec;
  auto v = boost::json::parse(row.text(column), ec);
  if (ec || !v.is_array() || v.as_array().empty()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : v.as_array())
    if (item.is_string()) out.emplace_back(item.as_string());
  return out;
}

}  // namespace agora::store
