#include "store/reports.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "core/snowflake.h"

namespace agora::store::reports {

int64_t insert(Connection& c, const NewReport& r, int64_t now) {
  if (!r.uri.empty() && c.query_one("SELECT 1 FROM reports WHERE uri = ?", {r.uri})) return 0;
  auto id_list = [](const std::vector<int64_t>& ids) {
    boost::json::array out;
    for (int64_t id : ids) out.push_back(boost::json::value(std::to_string(id)));
    return boost::json::serialize(out);
  };
  int64_t id = next_id();
  c.execute("INSERT INTO reports (id, account_id, target_account_id, status_ids, rule_ids, category, comment,"
            " forwarded, uri, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {id, r.account_id, r.target_account_id, id_list(r.status_ids), id_list(r.rule_ids), r.category, r.comment,
             r.forwarded, r.uri.empty() ? SqlValue(SqlNull{}) : SqlValue(r.uri), now, now});
  return id;
}

}  // namespace agora::store::reports
