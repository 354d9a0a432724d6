// The key pairs local accounts sign with (key rotation).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::account_keys {

// Replaces a local account's key pair; the key id stays (ACTOR#main-key). False when no such local account.
bool replace(Connection& c, int64_t account_id, const std::string& public_pem, const std::string& private_pem,
             int64_t now_ms);
// Every local account that is not suspended, oldest first.
std::vector<int64_t> local_unsuspended(Connection& c);

}  // namespace agora::store::account_keys
