// Queries on endorsements (accounts a member features on their profile,
// table account_pins) and on the private notes members keep about accounts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::endorsements {

bool insert(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now_ms);
bool remove(Connection& c, int64_t account_id, int64_t target_account_id);
// The accounts `account_id` endorses, by account id newest first (as
// Mastodon pages them), leaving out suspended ones; limit 0 means all.
std::vector<int64_t> page(Connection& c, int64_t account_id, const model::PageRequest& page);

}  // namespace agora::store::endorsements

namespace agora::store::account_notes {

void upsert(Connection& c, int64_t account_id, int64_t target_account_id, const std::string& comment, int64_t now_ms);
bool remove(Connection& c, int64_t account_id, int64_t target_account_id);

}  // namespace agora::store::account_notes
