// The seam to federation for statuses and interactions with them: each hook
// runs inside the transaction of the change and enqueues the activity for
// the remote servers concerned (services/delivery.h). Nothing is rendered
// when no remote server is concerned, so purely local posting stays cheap.
#pragma once
#include "model/account.h"
#include "model/status.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::outbound {

inline constexpr const char* kDistributePollUpdate = "distribute_poll_update";

// Create / Update / Delete of a local status: to remote followers (not for
// direct ones) and to the remote accounts it mentions or replies to.
void status_created(store::Connection& c, const Context& ctx, const model::Status& s, const model::Account& author);
void status_updated(store::Connection& c, const Context& ctx, const model::Status& s, const model::Account& author);
// `view` as loaded before the status was removed.
void status_deleted(store::Connection& c, const Context& ctx, const model::StatusView& view);

// A local poll got a vote: an Update(Question) with the new tallies to the
// followers, the concerned and the remote voters, a few minutes later and
// once for a burst of votes (Mastodon's DistributePollUpdateWorker).
void poll_tallies_changed(store::Connection& c, const Context& ctx, const model::Status& s);
// The job's work: sends that Update now.
void distribute_poll_update(Context& ctx, int64_t status_id);

// Announce / Undo(Announce) of `original` by `boost`'s author.
void reblogged(store::Connection& c, const model::Status& boost, const model::Account& booster,
               const model::Status& original);
void unreblogged(store::Connection& c, const model::Status& boost, const model::Account& booster,
                 const model::Status& original);

// Like / Undo(Like), to the author of a remote status.
void favourited(store::Connection& c, const model::Account& account, const model::Status& status);
void unfavourited(store::Connection& c, const model::Account& account, const model::Status& status);

// A vote on a remote poll: a Create of a Note named as the option, to the poll's author.
void poll_voted(store::Connection& c, const model::Account& voter, const model::Poll& poll, int choice);

}  // namespace agora::services::outbound
