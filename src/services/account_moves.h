// Loads the accounts that accounts moved to, so that entities::account can
// render them as "moved" (serializers never query).
#pragma once
#include <vector>

#include "model/account.h"
#include "store/database.h"

namespace agora::services {

void attach_moved(store::Connection& c, model::Account& account);
void attach_moved(store::Connection& c, std::vector<model::Account>& accounts);

}  // namespace agora::services
