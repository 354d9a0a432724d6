#include "store/blocks.h"

#include "core/snowflake.h"
#include "store/statement.h"

namespace agora::store::blocks {

bool exists(Connection& c, int64_t account_id, int64_t target_account_id) {
  return c.query_one("SELECT 1 FROM blocks WHERE account_id = ? AND target_account_id = ?",
                     {account_id, target_account_id})
      .has_value();
}

bool insert(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now_ms) {
  return c.execute("INSERT INTO blocks (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT (account_id, target_account_id) DO NOTHING",
                   {next_id(), account_id, target_account_id, now_ms}) > 0;
}

bool remove(Connection& c, int64_t account_id, int64_t target_account_id) {
  return c.execute("DELETE FROM blocks WHERE account_id = ? AND target_account_id = ?",
                   {account_id, target_account_id}) > 0;
}

std::vector<Entry> page(Connection& c, int64_t account_id, const model::PageRequest& page) {
  Statement s(
      "SELECT b.id, b.target_account_id FROM blocks b JOIN accounts a ON a.id = b.target_account_id"
      " WHERE b.account_id = ? AND a.suspended_at IS NULL",
      {account_id});
  s.add_newest_first_page("b.id", page);
  std::vector<Entry> out;
  for (const auto& r : s.query(c)) out.push_back({r.int64(0), r.int64(1)});
  return out;
}

}  // namespace agora::store::blocks

namespace agora::store::domain_blocks_by_account {

bool exists(Connection& c, int64_t account_id, const std::string& domain) {
  return c.query_one("SELECT 1 FROM account_domain_blocks WHERE account_id = ? AND domain = ?", {account_id, domain})
      .has_value();
}

bool insert(Connection& c, int64_t account_id, const std::string& domain, int64_t now_ms) {
  return c.execute("INSERT INTO account_domain_blocks (id, account_id, domain, created_at) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT (account_id, domain) DO NOTHING",
                   {next_id(), account_id, domain, now_ms}) > 0;
}

bool remove(Connection& c, int64_t account_id, const std::string& domain) {
  return c.execute("DELETE FROM account_domain_blocks WHERE account_id = ? AND domain = ?", {account_id, domain}) > 0;
}

std::vector<Entry> page(Connection& c, int64_t account_id, const model::PageRequest& page) {
  Statement s("SELECT id, domain FROM account_domain_blocks WHERE account_id = ?", {account_id});
  s.add_newest_first_page("id", page);
  std::vector<Entry> out;
  for (const auto& r : s.query(c)) out.push_back({r.int64(0), r.text(1)});
  return out;
}

}  // namespace agora::store::domain_blocks_by_account
