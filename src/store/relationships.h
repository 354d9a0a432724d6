// Reading how one account stands to many others in one query, and the
// "followers you know" of accounts.
#pragma once
#include <cstdint>
#include <map>
#include <vector>

#include "model/relationship.h"
#include "store/database.h"

namespace agora::store::relationships {

// The relationships of `viewer` to each existing account in `target_ids`
// (at most kMaxIdList), keyed by account id. Suspended accounts are left
// out unless `with_suspended`. Mutes that expired before `now_ms` do not count.
std::map<int64_t, model::Relationship> load(Connection& c, int64_t viewer, const std::vector<int64_t>& target_ids,
                                            bool with_suspended, int64_t now_ms);

// For each of `target_ids`: ids of accounts `viewer` follows that follow it
// (leaving out those who hide their collections), newest follow first.
std::map<int64_t, std::vector<int64_t>> familiar_followers(Connection& c, int64_t viewer,
                                                           const std::vector<int64_t>& target_ids);

}  // namespace agora::store::relationships
