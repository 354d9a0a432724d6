// Accounts loaded to be rendered (Account entities inside notifications,
// conversations, edits …): by id, shared, with their custom emoji attached.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "model/account.h"
#include "store/database.h"

namespace agora::services {

using SharedAccounts = std::map<int64_t, std::shared_ptr<const model::Account>>;

// Unknown ids are skipped; repeats are fine.
SharedAccounts load_rendered_accounts(store::Connection& c, const std::vector<int64_t>& ids);

}  // namespace agora::services
