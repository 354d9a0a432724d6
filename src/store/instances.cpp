#include "store/instances.h"

namespace agora::store::instances {

void record_success(Connection& c, const std::string& domain, int64_t now) {
  c.execute("INSERT INTO instances (domain, first_seen_at, last_success_at, failure_count) VALUES (?, ?, ?, 0)"
            " ON CONFLICT (domain) DO UPDATE SET last_success_at = excluded.last_success_at, failure_count = 0,"
            " unavailable_since = NULL",
            {domain, now, now});
}

void record_failure(Connection& c, const std::string& domain, int64_t now) {
  c.execute("INSERT INTO instances (domain, first_seen_at, failure_count, unavailable_since) VALUES (?, ?, 1, ?)"
            " ON CONFLICT (domain) DO UPDATE SET failure_count = instances.failure_count + 1,"
            " unavailable_since = COALESCE(instances.unavailable_since, excluded.unavailable_since)",
            {domain, now, now});
}

std::optional<int64_t> unavailable_since(Connection& c, const std::string& domain) {
  auto row = c.query_one("SELECT unavailable_since FROM instances WHERE domain = ?", {domain});
  if (!row || row->is_null(0)) return std::nullopt;
  return row->int64(0);
}

}  // namespace agora::store::instances
