// The facts deciding who may see a status, loaded for many statuses at once.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "store/database.h"

namespace agora::store::visibility {

// What decides visibility for a batch, in one statement: which authors are
// suspended and, for a signed-in viewer, which block it, which it follows and
// which statuses mention it.
struct Facts {
  std::set<int64_t> suspended, blocking, followed, mentioning;
};
Facts facts(Connection& c, std::optional<int64_t> viewer, const std::vector<int64_t>& author_ids,
            const std::vector<int64_t>& status_ids);

// Of `author_ids`: the suspended ones.
std::set<int64_t> suspended(Connection& c, const std::vector<int64_t>& author_ids);
// Of `author_ids`: those who block `viewer`.
std::set<int64_t> blocking(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids);
// Of `author_ids`: those `viewer` follows.
std::set<int64_t> followed(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids);
// Of `status_ids`: those that mention `viewer`.
std::set<int64_t> mentioning(Connection& c, int64_t viewer, const std::vector<int64_t>& status_ids);

}  // namespace agora::store::visibility
