#include "store/admin_action_logs.h"

#include "core/snowflake.h"

namespace agora::store::admin_action_logs {

void record(Connection& c, int64_t account_id, const std::string& action, const std::string& target_type,
            int64_t target_id, const std::string& summary, int64_t now_ms) {
  c.execute("INSERT INTO admin_action_logs (id, account_id, action, target_type, target_id, summary, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            {next_id(), account_id, action, target_type, target_id, summary, now_ms});
}

std::vector<Entry> recent(Connection& c, int limit) {
  std::vector<Entry> out;
  for (const auto& r : c.query("SELECT id, account_id, action, target_type, target_id, summary, created_at"
                               " FROM admin_action_logs ORDER BY id DESC LIMIT ?",
                               {static_cast<int64_t>(limit)}))
    out.push_back({r.int64(0), r.opt_int64(1), r.text(2), r.text(3), r.opt_int64(4), r.text(5), r.int64(6)});
  return out;
}

}  // namespace agora::store::admin_action_logs
