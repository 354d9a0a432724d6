#include "store/member_security.h"

#include "core/snowflake.h"

namespace agora::store::member_security {

std::vector<std::string> known_ips(Connection& c, int64_t user_id, int limit) {
  std::vector<std::string> out;
  if (auto u = c.query_one("SELECT sign_up_ip, last_sign_in_ip FROM users WHERE id = ?", {user_id}))
    for (size_t i = 0; i < 2; ++i)
      if (auto ip = u->opt_text(i); ip && !ip->empty()) out.push_back(*ip);
  for (const auto& r : c.query("SELECT ip FROM user_ips WHERE user_id = ? ORDER BY last_seen_at DESC LIMIT ?",
                               {user_id, static_cast<int64_t>(limit)}))
    out.push_back(r.text(0));
  return out;
}

void record_ip(Connection& c, int64_t user_id, const std::string& ip, int64_t now) {
  c.execute(
      "INSERT INTO user_ips (user_id, ip, last_seen_at) VALUES (?, ?, ?)"
      " ON CONFLICT (user_id, ip) DO UPDATE SET last_seen_at = excluded.last_seen_at",
      {user_id, ip, now});
}

std::optional<int64_t> current_sign_in_at(Connection& c, int64_t user_id) {
  auto r = c.query_one("SELECT current_sign_in_at FROM users WHERE id = ?", {user_id});
  return r ? r->opt_int64(0) : std::nullopt;
}

void insert_migration(Connection& c, int64_t account_id, int64_t target_account_id, const std::string& acct,
                      int64_t now) {
  c.execute(
      "INSERT INTO account_migrations (id, account_id, target_account_id, acct, created_at) VALUES (?, ?, ?, ?, ?)",
      {next_id(), account_id, target_account_id, acct, now});
}

std::optional<int64_t> latest_migration_at(Connection& c, int64_t account_id) {
  auto r = c.query_one("SELECT MAX(created_at) FROM account_migrations WHERE account_id = ?", {account_id});
  return r ? r->opt_int64(0) : std::nullopt;
}

}  // namespace agora::store::member_security
