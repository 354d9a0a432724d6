#include "store/exclusions.h"

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

}  // namespace agora::store
