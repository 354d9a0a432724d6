#include "services/rendered_accounts.h"

#include <algorithm>

#include "services/account_emojis.h"
#include "store/accounts.h"

namespace agora::services {

SharedAccounts load_rendered_accounts(store::Connection& c, const std::vector<int64_t>& ids) {
  SharedAccounts out;
  std::vector<int64_t> unique = ids;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  if (unique.empty()) return out;
  auto accounts = store::accounts::find_many(c, unique);
  attach_emojis(c, accounts);
  for (auto& a : accounts) {
    int64_t id = a.id;
    out.emplace(id, std::make_shared<const model::Account>(std::move(a)));
  }
  return out;
}

}  // namespace agora::services
