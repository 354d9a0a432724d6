// The facts deciding who may see a status, loaded for many statuses at once.
#pragma once
#include <cstdint>
#include <set>
#include <vector>

#include "store/database.h"

namespace agora::store::visibility {

// Of `author_ids`: the suspended ones.
std::set<int64_t> suspended(Connection& c, const std::vector<int64_t>& author_ids);
// Of `author_ids`: those who block `viewer`.
std::set<int64_t> blocking(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids);
// Of `author_ids`: those `viewer` follows.
std::set<int64_t> followed(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids);
// Of `status_ids`: those that mention `viewer`.
std::set<int64_t> mentioning(Connection& c, int64_t viewer, const std::vector<int64_t>& status_ids);

}  // namespace agora::store::visibility
