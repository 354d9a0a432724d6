// Idempotency-Key of POST /api/v1/statuses: a retried post returns the first.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::idempotency {

// The status posted with `key` by the account since `not_before_ms`.
std::optional<int64_t> find(Connection& c, int64_t account_id, const std::string& key, int64_t not_before_ms);
// Records (or replaces an expired) key.
void remember(Connection& c, int64_t account_id, const std::string& key, int64_t status_id, int64_t now_ms);

}  // namespace agora::store::idempotency
