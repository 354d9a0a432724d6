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

std::vector<std::string> peers(Connection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.query(
           "SELECT DISTINCT domain FROM accounts WHERE domain IS NOT NULL"
           " AND domain NOT IN (SELECT domain FROM domain_blocks) ORDER BY domain"))
    out.push_back(r.text(0));
  return out;
}

model::ActivityWeek activity(Connection& c, int64_t from, int64_t to) {
  auto row = c.query_one(
      "SELECT "
      " (SELECT COUNT(*) FROM statuses WHERE local AND created_at >= ? AND created_at < ?),"
      " (SELECT COUNT(*) FROM users WHERE (current_sign_in_at >= ? AND current_sign_in_at < ?)"
      "   OR (last_sign_in_at >= ? AND last_sign_in_at < ?)),"
      " (SELECT COUNT(*) FROM users WHERE created_at >= ? AND created_at < ?)",
      {from, to, from, to, from, to, from, to});
  return {from, row->int64(0), row->int64(1), row->int64(2)};
}

std::vector<model::PublicDomainBlock> public_domain_blocks(Connection& c) {
  std::vector<model::PublicDomainBlock> out;
  for (const auto& r : c.query(
           "SELECT domain, severity, public_comment, obfuscate FROM domain_blocks"
           " WHERE severity IN ('silence', 'suspend')"
           " ORDER BY CASE severity WHEN 'suspend' THEN 0 ELSE 1 END, domain"))
    out.push_back({r.text(0), r.text(1), r.text(2), r.boolean(3)});
  return out;
}

}  // namespace agora::store::instance_stats
