// Instance settings stored as key/value rows (changed from the admin area).
#pragma once
#include <map>
#include <string>

#include "store/database.h"

namespace agora::store::settings {

std::map<std::string, std::string> load_all(Connection& c);
void put(Connection& c, const std::string& key, const std::string& value);

}  // namespace agora::store::settings
