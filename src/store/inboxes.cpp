#include "store/inboxes.h"

#include "store/statement.h"

namespace agora::store::inboxes {

namespace {
constexpr const char* kInbox = "COALESCE(NULLIF(a.shared_inbox_url, ''), a.inbox_url)";

std::vector<std::string> texts(const std::vector<Row>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (!r.text(0).empty()) out.push_back(r.text(0));
  return out;
}
}  // namespace

std::vector<std::string> of_followers(Connection& c, int64_t account_id) {
  return texts(c.query(std::string("SELECT DISTINCT ") + kInbox +
                           " FROM follows f JOIN accounts a ON a.id = f.account_id"
                           " WHERE f.target_account_id = ? AND a.domain IS NOT NULL AND a.suspended_at IS NULL",
                       {account_id}));
}

std::vector<std::string> of_accounts(Connection& c, const std::vector<int64_t>& account_ids) {
  if (account_ids.empty()) return {};
  Statement s(std::string("SELECT DISTINCT ") + kInbox +
              " FROM accounts a WHERE a.domain IS NOT NULL AND a.suspended_at IS NULL AND a.id IN ");
  s.add_id_list(account_ids);
  return texts(s.query(c));
}

bool has_remote_followers(Connection& c, int64_t account_id) {
  return c.query_one("SELECT 1 FROM follows f JOIN accounts a ON a.id = f.account_id"
                     " WHERE f.target_account_id = ? AND a.domain IS NOT NULL LIMIT 1",
                     {account_id})
      .has_value();
}

}  // namespace agora::store::inboxes
