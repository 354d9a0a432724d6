#include "store/markers.h"

namespace agora::store::markers {

namespace {

model::Marker marker_from(const Row& r) {
  return {r.text(0), r.int64(1), r.int64(2), r.int64(3)};
}

std::optional<model::Marker> find_one(Connection& c, int64_t account_id, const std::string& timeline) {
  auto r = c.query_one("SELECT timeline, last_read_id, version, updated_at FROM markers"
                       " WHERE account_id = ? AND timeline = ?",
                       {account_id, timeline});
  if (!r) return std::nullopt;
  return marker_from(*r);
}

}  // namespace

std::vector<model::Marker> find(Connection& c, int64_t account_id, const std::vector<std::string>& timelines) {
  std::vector<model::Marker> out;
  for (const auto& t : timelines) {  // at most the two timelines Mastodon knows
    if (auto m = find_one(c, account_id, t)) out.push_back(std::move(*m));
  }
  return out;
}

model::Marker save(Connection& c, int64_t account_id, const std::string& timeline, int64_t last_read_id,
                   int64_t now_ms) {
  auto existing = find_one(c, account_id, timeline);
  if (!existing) {
    c.execute("INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at) VALUES (?, ?, ?, 0, ?)",
              {account_id, timeline, last_read_id, now_ms});
    return {timeline, last_read_id, 0, now_ms};
  }
  if (existing->last_read_id == last_read_id) return *existing;  // nothing changed: Rails saves nothing
  c.execute("UPDATE markers SET last_read_id = ?, version = version + 1, updated_at = ?"
            " WHERE account_id = ? AND timeline = ?",
            {last_read_id, now_ms, account_id, timeline});
  return {timeline, last_read_id, existing->version + 1, now_ms};
}

}  // namespace agora::store::markers
