#include "store/threads.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace agora::store::threads {

namespace {

// Bounds on the walk, so a reply cycle from a remote server ends and a huge thread stays cheap.
constexpr int64_t kMaxDepth = 4096;
constexpr int64_t kMaxRows = 20000;

}  // namespace

std::vector<int64_t> ancestor_ids(Connection& c, int64_t status_id, int limit) {
  if (limit <= 0) return {};
  auto rows = c.query(
      "WITH RECURSIVE up(id, in_reply_to_id, depth) AS ("
      " SELECT s.id, s.in_reply_to_id, 1 FROM statuses s"
      "  WHERE s.id = (SELECT in_reply_to_id FROM statuses WHERE id = ?)"
      " UNION ALL"
      " SELECT s.id, s.in_reply_to_id, up.depth + 1 FROM up JOIN statuses s ON s.id = up.in_reply_to_id"
      "  WHERE up.depth < ?)"
      " SELECT id FROM up ORDER BY depth LIMIT ?",
      {status_id, static_cast<int64_t>(limit), static_cast<int64_t>(limit)});
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.int64(0));
  std::reverse(out.begin(), out.end());
  // A cycle repeats ids; keep each once.
  std::vector<int64_t> unique;
  for (int64_t id : out)
    if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
  return unique;
}

std::vector<int64_t> descendant_ids(Connection& c, int64_t status_id, int limit, std::optional<int> depth) {
  if (limit <= 0) return {};
  int64_t max_depth = depth ? std::min<int64_t>(*depth, kMaxDepth) : kMaxDepth;
  auto rows = c.query(
      "WITH RECURSIVE down(id, in_reply_to_id, depth) AS ("
      " SELECT s.id, s.in_reply_to_id, 1 FROM statuses s WHERE s.in_reply_to_id = ?"
      " UNION ALL"
      " SELECT s.id, s.in_reply_to_id, down.depth + 1 FROM down JOIN statuses s ON s.in_reply_to_id = down.id"
      "  WHERE down.depth < ?)"
      " SELECT id, in_reply_to_id FROM down LIMIT ?",
      {status_id, max_depth, kMaxRows});
  // Depth first, children by id: the order of Mastodon's ORDER BY path.
  std::map<int64_t, std::vector<int64_t>> children;
  for (const auto& r : rows) children[r.int64(1)].push_back(r.int64(0));
  for (auto& [parent, ids] : children) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  std::vector<int64_t> out;
  std::set<int64_t> seen{status_id};
  std::function<void(int64_t)> walk = [&](int64_t parent) {
    auto it = children.find(parent);
    if (it == children.end()) return;
    for (int64_t id : it->second) {
      if (static_cast<int>(out.size()) >= limit) return;
      if (!seen.insert(id).second) continue;
      out.push_back(id);
      walk(id);
    }
  };
  walk(status_id);
  return out;
}

}  // namespace agora::store::threads
