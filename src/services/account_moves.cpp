#include "services/account_moves.h"

#include <memory>

#include "store/accounts.h"

namespace agora::services {

void attach_moved(store::Connection& c, std::vector<model::Account>& accounts) {
  std::vector<int64_t> ids;
  for (const auto& a : accounts)
    if (a.moved_to_account_id) ids.push_back(*a.moved_to_account_id);
  if (ids.empty()) return;
  for (auto& target : store::accounts::find_many(c, ids)) {
    auto shared = std::make_shared<const model::Account>(std::move(target));
    for (auto& a : accounts)
      if (a.moved_to_account_id == shared->id) a.moved_to = shared;
  }
}

void attach_moved(store::Connection& c, model::Account& account) {
  if (!account.moved_to_account_id) return;
  if (auto target = store::accounts::find(c, *account.moved_to_account_id))
    account.moved_to = std::make_shared<const model::Account>(std::move(*target));
}

}  // namespace agora::services
