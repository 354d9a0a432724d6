#include "store/idempotency.h"

namespace agora::store::idempotency {

std::optional<int64_t> find(Connection& c, int64_t account_id, const std::string& key, int64_t not_before_ms) {
  auto row = c.query_one("SELECT status_id FROM idempotency_keys WHERE account_id = ? AND key = ? AND created_at >= ?",
                         {account_id, key, not_before_ms});
  if (!row) return std::nullopt;
  return row->int64(0);
}

void remember(Connection& c, int64_t account_id, const std::string& key, int64_t status_id, int64_t now_ms) {
  c.execute(
      "INSERT INTO idempotency_keys (account_id, key, status_id, created_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (account_id, key) DO UPDATE SET status_id = excluded.status_id, created_at = excluded.created_at",
      {account_id, key, status_id, now_ms});
}

}  // namespace agora::store::idempotency
