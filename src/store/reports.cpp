#include "store/reports.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "core/snowflake.h"

namespace agora::store::reports {

int64_t insert(Connection& c, const NewReport& r, int64_t now) {
  if (!r.uri.empty() && c.query_one("SELECT 1 FROM reports WHERE uri = ?", {r.uri})) return 0;
  boost::json::array ids;
  for (int64_t id : r.status_ids) ids.push_back(boost::json::value(std::to_string(id)));
  int64_t id = next_id();
  c.execute("INSERT INTO reports (id, account_id, target_account_id, status_ids, category, comment, uri, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {id, r.account_id, r.target_account_id, boost::json::serialize(ids), r.category, r.comment,
             r.uri.empty() ? SqlValue(SqlNull{}) : SqlValue(r.uri), now, now});
  return id;
}

}  // namespace agora::store::reports
