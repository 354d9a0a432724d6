// Deleting accounts with what hangs on them (statuses, media, follows, …,
// through the schema's cascades), the boosts and feed entries of their
// statuses, and then recounting the counters of the accounts and statuses
// that remain and counted them (followers, following, replies, boosts,
// favourites). Shared by account deletion and domain purges.
#pragma once
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::account_removal {

// Deletes the accounts matching `condition` (SQL over the accounts table
// with one `?`, e.g. "id = ?"). Returns the stored file keys they held
// (attachments, avatars, headers), to remove once committed. Call inside a transaction.
std::vector<std::string> remove_accounts(Connection& c, const std::string& condition, const SqlValue& value);

}  // namespace agora::store::account_removal
