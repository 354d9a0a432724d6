#include "store/trend_review_requests.h"

#include <set>

#include "store/statement.h"

namespace agora::store::trend_review_requests {

std::vector<int64_t> not_requested(Connection& c, const std::string& item_type, const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  Statement s("SELECT item_id FROM trend_review_requests WHERE item_type = ? AND item_id IN ", {item_type});
  s.add_id_list(ids);
  std::set<int64_t> requested;
  for (const auto& r : s.query(c)) requested.insert(r.int64(0));
  std::vector<int64_t> out;
  for (int64_t id : ids)
    if (!requested.count(id)) out.push_back(id);
  return out;
}

void mark_requested(Connection& c, const std::string& item_type, const std::vector<int64_t>& ids, int64_t now) {
  for (int64_t id : ids)
    c.execute("INSERT INTO trend_review_requests (item_type, item_id, requested_at) VALUES (?, ?, ?)",
              {item_type, id, now});
}

}  // namespace agora::store::trend_review_requests
