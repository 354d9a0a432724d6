// A status's thread: the statuses it replies to and the replies under it,
// read with recursive queries over statuses.in_reply_to_id.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "store/database.h"

namespace agora::store::threads {

// The statuses `status_id` replies to, up to `limit` of the nearest, oldest first.
std::vector<int64_t> ancestor_ids(Connection& c, int64_t status_id, int limit);

// The replies under `status_id` (not itself), depth first with siblings
// oldest first (Mastodon orders by the path of ids), the first `limit`,
// at most `depth` levels down when given.
std::vector<int64_t> descendant_ids(Connection& c, int64_t status_id, int limit, std::optional<int> depth);

}  // namespace agora::store::threads
