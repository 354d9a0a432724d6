// Activities undone before they arrived (an Undo overtook its Follow on the
// way): remembered for six hours, so the late one is dropped.
#pragma once
#include <cstdint>
#include <string>

#include "store/database.h"

namespace agora::store::undone_early {

void remember(Connection& c, const std::string& uri, int64_t now_ms);
// Whether `uri` was undone early; forgets it.
bool take(Connection& c, const std::string& uri);

}  // namespace agora::store::undone_early
