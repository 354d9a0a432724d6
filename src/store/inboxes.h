// Where activities go: the inboxes of remote accounts, preferring each
// server's shared inbox so that one request serves all its recipients.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::inboxes {

// Distinct inboxes of the remote followers of `account_id` (not suspended).
std::vector<std::string> of_followers(Connection& c, int64_t account_id);
// Distinct inboxes of these accounts that are remote.
std::vector<std::string> of_accounts(Connection& c, const std::vector<int64_t>& account_ids);
// Whether `account_id` has any remote follower (posting skips federation work otherwise).
bool has_remote_followers(Connection& c, int64_t account_id);

}  // namespace agora::store::inboxes
