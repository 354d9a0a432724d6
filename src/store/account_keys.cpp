#include "store/account_keys.h"

namespace agora::store::account_keys {

bool replace(Connection& c, int64_t account_id, const std::string& public_pem, const std::string& private_pem,
             int64_t now_ms) {
  return c.execute(
             "UPDATE accounts SET public_key_pem = ?, private_key_pem = ?, updated_at = ?"
             " WHERE id = ? AND domain IS NULL",
             {public_pem, private_pem, now_ms, account_id}) == 1;
}

std::vector<int64_t> local_unsuspended(Connection& c) {
  std::vector<int64_t> out;
  for (const auto& row : c.query("SELECT id FROM accounts WHERE domain IS NULL AND suspended_at IS NULL ORDER BY id"))
    out.push_back(row.int64(0));
  return out;
}

}  // namespace agora::store::account_keys
