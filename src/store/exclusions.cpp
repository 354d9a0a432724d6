#include "store/exclusions.h"

#include <algorithm>

namespace agora::store {

void add_not_excluded(Statement& s, const std::string& id, const std::string& domain, int64_t viewer,
                      int64_t now_ms) {
  s.add(" AND NOT EXISTS (SELECT 1 FROM blocks xb WHERE xb.account_id = ? AND xb.target_account_id = " + id + ")",
        {viewer});
  s.add(" AND NOT EXISTS (SELECT 1 FROM blocks xbb WHERE xbb.account_id = " + id + " AND xbb.target_account_id = ?)",
        {viewer});
  s.add(" AND NOT EXISTS (SELECT 1 FROM mutes xm WHERE xm.account_id = ? AND xm.target_account_id = " + id +
            " AND (xm.expires_at IS NULL OR xm.expires_at > ?))",
        {viewer, now_ms});
  s.add(" AND (" + domain + " IS NULL OR NOT EXISTS (SELECT 1 FROM account_domain_blocks xd WHERE xd.account_id = ?"
            " AND xd.domain = " + domain + "))",
        {viewer});
}

void add_account_usable(Statement& s, const std::string& a) {
  s.add(" AND " + a + ".suspended_at IS NULL AND (" + a + ".domain IS NOT NULL OR EXISTS (SELECT 1 FROM users xu"
        " WHERE xu.account_id = " + a + ".id AND xu.confirmed_at IS NOT NULL AND xu.approved AND NOT xu.disabled))");
}

std::vector<int64_t> not_excluded(Connection& c, int64_t viewer, const std::vector<int64_t>& ids, int64_t now_ms) {
  std::vector<int64_t> out;
  for (size_t i = 0; i < ids.size(); i += kMaxIdList) {
    std::vector<int64_t> slice(ids.begin() + i, ids.begin() + std::min(ids.size(), i + kMaxIdList));
    Statement s("SELECT a.id FROM accounts a WHERE a.id IN ");
    s.add_id_list(slice);
    add_not_excluded(s, "a.id", "a.domain", viewer, now_ms);
    for (const auto& r : s.query(c)) out.push_back(r.int64(0));
  }
  return out;
}

}  // namespace agora::store
