#include "store/admin_action_logs.h"

#include "core/snowflake.h"
#include "store/statement.h"

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

std::vector<Listed> page(Connection& c, const Filter& filter, const model::PageRequest& page) {
  Statement s(
      "SELECT l.id, l.account_id, l.action, l.target_type, l.target_id, l.summary, l.created_at, a.username, a.domain"
      " FROM admin_action_logs l LEFT JOIN accounts a ON a.id = l.account_id WHERE 1 = 1");
  if (filter.account_id) s.add(" AND l.account_id = ?", {*filter.account_id});
  if (filter.action) s.add(" AND l.action = ?", {*filter.action});
  if (filter.target_type) s.add(" AND l.target_type = ?", {*filter.target_type});
  s.add_newest_first_page("l.id", page);
  std::vector<Listed> out;
  for (const auto& r : s.query(c)) {
    Entry e{r.int64(0), r.opt_int64(1), r.text(2), r.text(3), r.opt_int64(4), r.text(5), r.int64(6)};
    std::string acct = r.opt_text(7).value_or("");
    if (auto domain = r.opt_text(8)) acct += "@" + *domain;
    out.push_back({std::move(e), std::move(acct)});
  }
  return out;
}

}  // namespace agora::store::admin_action_logs
