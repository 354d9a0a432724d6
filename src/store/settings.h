// Instance settings stored as key/value rows (changed from the admin area).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::settings {

std::map<std::string, std::string> load_all(Connection& c);
void put(Connection& c, const std::string& key, const std::string& value);

struct Stored {
  std::string value;
  int64_t updated_at = 0;
};
std::optional<Stored> find(Connection& c, const std::string& key);

}  // namespace agora::store::settings
