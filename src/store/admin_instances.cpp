#include "store/admin_instances.h"

#include "store/statement.h"

namespace agora::store::admin_instances {

std::vector<Row> list(Connection& c, const std::string& search, int limit, int64_t offset) {
  Statement s(
      "SELECT a.domain, COUNT(*), COALESCE(MAX(sc.n), 0), MAX(i.software), MAX(i.last_success_at),"
      " COALESCE(MAX(i.failure_count), 0), MAX(i.unavailable_since), MAX(b.id), MAX(b.severity), MAX(w.id)"
      " FROM accounts a"
      " LEFT JOIN (SELECT a2.domain AS domain, COUNT(*) AS n FROM statuses s JOIN accounts a2 ON a2.id = s.account_id"
      "   WHERE a2.domain IS NOT NULL AND s.deleted_at IS NULL GROUP BY a2.domain) sc ON sc.domain = a.domain"
      " LEFT JOIN instances i ON i.domain = a.domain"
      " LEFT JOIN domain_blocks b ON b.domain = a.domain"
      " LEFT JOIN domain_allows w ON w.domain = a.domain"
      " WHERE a.domain IS NOT NULL");
  if (!search.empty()) s.add(" AND a.domain LIKE ?", {"%" + search + "%"});
  s.add(" GROUP BY a.domain ORDER BY COUNT(*) DESC, a.domain LIMIT ? OFFSET ?", {int64_t{limit}, offset});
  std::vector<Row> out;
  for (const auto& r : s.query(c))
    out.push_back({r.text(0), r.int64(1), r.int64(2), r.opt_text(3), r.opt_int64(4), r.int64(5), r.opt_int64(6),
                   r.opt_int64(7), r.opt_text(8), r.opt_int64(9)});
  return out;
}

}  // namespace agora::store::admin_instances
