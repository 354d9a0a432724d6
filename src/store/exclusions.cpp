#include "store/exclusions.h"

#include <algorithm>

namespace agora::store {

// Each list is an uncorrelated subquery, which both databases evaluate once
// per statement (PostgreSQL as a hashed subplan). Correlated NOT EXISTS read
// the same but PostgreSQL turned each into an anti-join, and planning a page
// of a timeline with eight of them took longer than running it. The columns
// listed are NOT NULL, so NOT IN means "none of them"; a NULL id (the author
// of a boost when there is none) is never excluded.
void add_not_excluded(Statement& s, const std::string& id, const std::string& domain, int64_t viewer,
                      int64_t now_ms) {
  s.add(" AND (" + id + " IS NULL OR (" + id + " NOT IN (SELECT target_account_id FROM blocks WHERE account_id = ?)" +
            " AND " + id + " NOT IN (SELECT account_id FROM blocks WHERE target_account_id = ?)" + " AND " + id +
            " NOT IN (SELECT target_account_id FROM mutes WHERE account_id = ?"
            " AND (expires_at IS NULL OR expires_at > ?))))",
        {viewer, viewer, viewer, now_ms});
  s.add(" AND (" + domain + " IS NULL OR " + domain +
            " NOT IN (SELECT domain FROM account_domain_blocks WHERE account_id = ?))",
        {viewer});
}

void add_account_usable(Statement& s, const std::string& a) {
  s.add(" AND " + a + ".suspended_at IS NULL AND (" + a + ".domain IS NOT NULL OR EXISTS (SELECT 1 FROM users xu"
        " WHERE xu.account_id = " + a + ".id AND xu.confirmed_at IS NOT NULL AND xu.approved AND NOT xu.disabled))");
}

std::vector<int64_t> not_excluded(Connection& c, int64_t viewer, const std::vector<int64_t>& ids, int64_t now_ms) {
  std::vector<int64_t> out;
  for_id_slices(ids, [&](const std::vector<int64_t>& slice) {
    Statement s("SELECT a.id FROM accounts a WHERE a.id IN ");
    s.add_id_list(slice);
    add_not_excluded(s, "a.id", "a.domain", viewer, now_ms);
    for (const auto& r : s.query(c)) out.push_back(r.int64(0));
  });
  return out;
}

}  // namespace agora::store
