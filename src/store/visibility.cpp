#include "store/visibility.h"

#include <string>

#include "store/statement.h"

namespace agora::store::visibility {

namespace {

// Runs `select … IN (ids)` with `viewer` bound before the list, slice by slice.
std::set<int64_t> matching(Connection& c, const std::string& select, std::optional<int64_t> viewer,
                           const std::vector<int64_t>& ids) {
  std::set<int64_t> out;
  for (size_t i = 0; i < ids.size(); i += kMaxIdList) {
    std::vector<int64_t> slice(ids.begin() + i, ids.begin() + std::min(ids.size(), i + kMaxIdList));
    Statement s;
    if (viewer) s.add(select, {*viewer});
    else s.add(select);
    s.add_id_list(slice);
    for (const auto& r : s.query(c)) out.insert(r.int64(0));
  }
  return out;
}

}  // namespace

std::set<int64_t> suspended(Connection& c, const std::vector<int64_t>& author_ids) {
  return matching(c, "SELECT id FROM accounts WHERE suspended_at IS NOT NULL AND id IN ", std::nullopt, author_ids);
}

std::set<int64_t> blocking(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids) {
  return matching(c, "SELECT account_id FROM blocks WHERE target_account_id = ? AND account_id IN ", viewer,
                  author_ids);
}

std::set<int64_t> followed(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids) {
  return matching(c, "SELECT target_account_id FROM follows WHERE account_id = ? AND target_account_id IN ", viewer,
                  author_ids);
}

std::set<int64_t> mentioning(Connection& c, int64_t viewer, const std::vector<int64_t>& status_ids) {
  return matching(c, "SELECT status_id FROM mentions WHERE account_id = ? AND status_id IN ", viewer, status_ids);
}

}  // namespace agora::store::visibility
