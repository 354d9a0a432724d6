#include "store/account_warnings.h"

#include "core/snowflake.h"

namespace agora::store::account_warnings {

int64_t insert(Connection& c, const NewWarning& w, int64_t now_ms) {
  int64_t id = next_id();
  c.execute("INSERT INTO account_warnings (id, account_id, target_account_id, action, text, report_id, status_ids,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {id, w.account_id, w.target_account_id, w.action, w.text,
             w.report_id ? SqlValue(*w.report_id) : SqlValue(SqlNull{}), w.status_ids_json, now_ms});
  return id;
}

}  // namespace agora::store::account_warnings
