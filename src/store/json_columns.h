// TEXT columns that hold a JSON array of strings (NULL for "none given").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store {

// NULL for nullopt or an empty list, else the JSON text.
SqlValue string_array_value(const std::optional<std::vector<std::string>>& list);
// nullopt for NULL, empty or unreadable text.
std::optional<std::vector<std::string>> string_array_from(const Row& row, size_t column);

}  // namespace agora::store
