#include "store/instance_stats.h"

namespace agora::store::instance_stats {

model::InstanceStats load(Connection& c, int64_t now_ms) {
  constexpr int64_t kDay = 24LL * 3600 * 1000;
  auto row = c.query_one(
      "SELECT "
      " (SELECT COUNT(*) FROM users u JOIN accounts a ON a.id = u.account_id WHERE a.suspended_at IS NULL),"
      " (SELECT COUNT(*) FROM statuses WHERE local AND deleted_at IS NULL),"
      " (SELECT COUNT(DISTINCT domain) FROM accounts WHERE domain IS NOT NULL),"
      " (SELECT COUNT(*) FROM users WHERE current_sign_in_at >= ?),"
      " (SELECT COUNT(*) FROM users WHERE current_sign_in_at >= ?)",
      {now_ms - 28 * kDay, now_ms - 168 * kDay});
  model::InstanceStats s;
  s.user_count = row->int64(0);
  s.status_count = row->int64(1);
  s.domain_count = row->int64(2);
  s.active_month = row->int64(3);
  s.active_halfyear = row->int64(4);
  return s;
}

std::vector<model::Rule> rules(Connection& c) {
  std::vector<model::Rule> out;
  for (const auto& row : c.query("SELECT id, text, hint FROM rules WHERE deleted_at IS NULL ORDER BY position, id"))
    out.push_back({row.int64(0), row.text(1), row.text(2)});
  return out;
}

}  // namespace agora::store::instance_stats
