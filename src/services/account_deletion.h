// Deleting an account, as Mastodon's DeleteAccountService: the one
// implementation behind `agora accounts delete`, the admin API's delete and
// the 30-day deletion of a suspended account (domain purges share its store
// half, store/account_removal, and are silent).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::account_deletion {

// The account row always stays, emptied and suspended (Mastodon's
// reserve_username): its name stays taken and its key signs the Delete that
// other servers fetch it for. Its member stays too (reserve_email, the admin
// API's choice) or goes (tootctl accounts delete: the address is free again).
enum class Member { keep, remove };

// Inside the caller's transaction: a local account first sends Delete(actor)
// to every known inbox; open streams hear its statuses deleted; then its data
// goes and the counters others keep of it are recounted. Returns the stored
// file keys to remove once committed (remove_stored_files_later).
std::vector<std::string> delete_in(store::Connection& c, const model::Account& account, int64_t now, Member member);

// delete_in in its own transaction, then the stored files (local disk or S3)
// at once: for `agora accounts delete`, which may run with no worker about.
void delete_account(Context& ctx, const model::Account& account, Member member);

}  // namespace agora::services::account_deletion
