// Deleting accounts with what hangs on them (statuses, media, follows, …),
// the boosts and feed entries of their statuses, and then recounting the
// counters of the accounts and statuses that remain and counted them
// (followers, following, replies, boosts, favourites). The one store half
// of every account deletion: the command line's, the admin API's, the
// 30-day deletion of a suspended account and domain purges.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::account_removal {

// Deletes the accounts matching `condition` (SQL over the accounts table
// with one `?`, e.g. "id = ?"). Returns the stored file keys they held
// (attachments, avatars, headers), to remove once committed. Call inside a transaction.
std::vector<std::string> remove_accounts(Connection& c, const std::string& condition, const SqlValue& value);

// Deletes what one account owns and did but keeps its row, emptied and
// suspended (since `now` unless it already was): Mastodon's reserve_username,
// its name stays taken and its key signs the Delete. `keep_login` false also
// deletes its member (reserve_email false: the address may sign up again).
// Returns the stored file keys as remove_accounts. Call inside a transaction.
std::vector<std::string> empty_account(Connection& c, int64_t account_id, int64_t now, bool keep_login);

}  // namespace agora::store::account_removal
