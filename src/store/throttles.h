// Fixed-window counters for throttling (failed sign-ins and the like), kept
// in the database so every process of an instance sees the same counts.
#pragma once
#include <cstdint>
#include <string>

#include "store/database.h"

namespace agora::store::throttles {

// Counts one hit on `key` and returns the hits in its current window; a new
// window of `window_ms` starts when the last one has passed. Also prunes
// counters whose windows ended long ago.
int64_t hit(Connection& c, const std::string& key, int64_t now, int64_t window_ms);
// The hits in the current window of `key` (0 if it has passed).
int64_t hits(Connection& c, const std::string& key, int64_t now, int64_t window_ms);
void clear(Connection& c, const std::string& key);

}  // namespace agora::store::throttles
