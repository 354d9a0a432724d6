#include "store/throttles.h"

namespace agora::store::throttles {

namespace {
constexpr int64_t kPruneAfterMs = 24 * 3600 * 1000;
}

int64_t hit(Connection& c, const std::string& key, int64_t now, int64_t window_ms) {
  int64_t window_start = now - window_ms;  // windows that started before this have ended
  c.execute("DELETE FROM throttles WHERE window_started_at < ?", {now - kPruneAfterMs});
  auto row = c.query_one(
      "INSERT INTO throttles (throttle_key, window_started_at, hits) VALUES (?, ?, 1)"
      " ON CONFLICT (throttle_key) DO UPDATE SET"
      " hits = CASE WHEN throttles.window_started_at <= ? THEN 1 ELSE throttles.hits + 1 END,"
      " window_started_at = CASE WHEN throttles.window_started_at <= ? THEN ? ELSE throttles.window_started_at END"
      " RETURNING hits",
      {key, now, window_start, window_start, now});
  return row ? row->int64(0) : 1;
}

int64_t hits(Connection& c, const std::string& key, int64_t now, int64_t window_ms) {
  auto row = c.query_one("SELECT hits FROM throttles WHERE throttle_key = ? AND window_started_at > ?",
                         {key, now - window_ms});
  return row ? row->int64(0) : 0;
}

void clear(Connection& c, const std::string& key) {
  c.execute("DELETE FROM throttles WHERE throttle_key = ?", {key});
}

}  // namespace agora::store::throttles
