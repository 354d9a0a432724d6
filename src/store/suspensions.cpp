#include "store/suspensions.h"

#include "store/statement.h"

namespace agora::store::suspensions {

void request_deletion(Connection& c, int64_t account_id, int64_t now) {
  c.execute("DELETE FROM account_deletion_requests WHERE account_id = ?", {account_id});
  c.execute("INSERT INTO account_deletion_requests (account_id, created_at) VALUES (?, ?)", {account_id, now});
}

void cancel_deletion(Connection& c, int64_t account_id) {
  c.execute("DELETE FROM account_deletion_requests WHERE account_id = ?", {account_id});
}

std::optional<int64_t> deletion_requested_at(Connection& c, int64_t account_id) {
  auto row = c.query_one("SELECT created_at FROM account_deletion_requests WHERE account_id = ?", {account_id});
  if (!row) return std::nullopt;
  return row->int64(0);
}

namespace {
std::vector<int64_t> ids(const std::vector<Row>& rows) {
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.int64(0));
  return out;
}
}  // namespace

std::vector<int64_t> unsuspended_on_domain(Connection& c, const std::string& domain) {
  return ids(c.query("SELECT id FROM accounts WHERE domain IS NOT NULL AND suspended_at IS NULL"
                     " AND (lower(domain) = ? OR lower(domain) LIKE ?) ORDER BY id",
                     {domain, "%." + domain}));
}

std::vector<int64_t> suspended_on_domain_at(Connection& c, const std::string& domain, int64_t at) {
  return ids(c.query("SELECT id FROM accounts WHERE domain IS NOT NULL AND suspended_at = ?"
                     " AND suspension_origin = 'local' AND (lower(domain) = ? OR lower(domain) LIKE ?) ORDER BY id",
                     {at, domain, "%." + domain}));
}

std::vector<std::string> known_inboxes(Connection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT DISTINCT COALESCE(NULLIF(shared_inbox_url, ''), inbox_url) FROM accounts"
                               " WHERE domain IS NOT NULL AND suspended_at IS NULL"))
    if (!r.is_null(0) && !r.text(0).empty()) out.push_back(r.text(0));
  return out;
}

}  // namespace agora::store::suspensions

namespace agora::store::suspensions {
void follow_remote_flag(Connection& c, int64_t account_id, bool suspended, int64_t now) {
  if (suspended)
    c.execute("UPDATE accounts SET suspended_at = ?, suspension_origin = 'remote'"
              " WHERE id = ? AND domain IS NOT NULL AND suspended_at IS NULL",
              {now, account_id});
  else
    c.execute("UPDATE accounts SET suspended_at = NULL, suspension_origin = NULL"
              " WHERE id = ? AND domain IS NOT NULL AND suspension_origin = 'remote'",
              {account_id});
}
}  // namespace agora::store::suspensions
