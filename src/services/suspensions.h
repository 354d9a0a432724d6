// What suspending an account does beyond its flag, as Mastodon's
// SuspendAccountService, UnsuspendAccountService, DeleteAccountService and
// BlockDomainService: the activities other servers must hear, the follows
// that end, and the deletion of its data 30 days later (or now, when a
// moderator asks). Every function runs inside the caller's transaction.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::suspensions {

inline constexpr const char* kCleanupJobKind = "delete_suspended_account";
inline constexpr int64_t kDeletionDelayMs = 30LL * 24 * 3600 * 1000;

// Suspends `account` (origin local) and asks for its data to be deleted in
// 30 days. A local account tells its followers' servers with Update(actor)
// (suspended: true); a remote account's follows of local accounts are
// rejected and end (local accounts keep following it, hidden until lifted).
void suspend(store::Connection& c, const Context& ctx, const model::Account& account, int64_t now);
// Lifts the suspension and the pending deletion; a local account sends its
// Update(actor) again.
void unsuspend(store::Connection& c, const Context& ctx, const model::Account& account);
// The periodic half: deletes the data of `account_id` if its deletion request
// is 30 days old (a job that runs early or after the suspension was lifted
// does nothing), through services/account_deletion.
void delete_when_due(Context& ctx, int64_t account_id);

// A domain suspended (Mastodon's BlockDomainService with severity suspend):
// each of its accounts is suspended at `at`, follows both ways end with
// Reject and Undo sent to it, and its content is deleted. Returns the stored
// file keys to remove once committed.
std::vector<std::string> suspend_domain(store::Connection& c, const std::string& domain, int64_t at);
// The domain block made at `at` was lifted: its accounts are no longer suspended.
void unsuspend_domain(store::Connection& c, const std::string& domain, int64_t at);

}  // namespace agora::services::suspensions
