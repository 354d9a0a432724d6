// The links each status contains (status_links), filled when it is posted.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::status_links {

// Longer links are not indexed (nor looked up).
constexpr size_t kMaxUrlLength = 2048;

void add(Connection& c, int64_t status_id, const std::vector<std::string>& urls);

}  // namespace agora::store::status_links
