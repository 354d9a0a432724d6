// The seam to federation: relationship and profile changes that another
// server must hear about. Each hook runs inside the transaction that makes
// the change and enqueues the activity there (a transactional outbox), so it
// is never lost nor sent for a change that rolled back. Nothing here talks to
// the network; a change between local accounts sends nothing.
#pragma once
#include "model/account.h"
#include "model/relationship.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::outbound {

// Follow, to a remote target (whose follow always starts as a request).
void follow_requested(store::Connection& c, const model::Account& follower, const model::Account& target,
                      const model::Follow& request);
// Undo(Follow), to a remote target: an unfollow or a withdrawn request.
void follow_undone(store::Connection& c, const model::Account& follower, const model::Account& target,
                   const model::Follow& follow);
// Accept(Follow), to a remote follower whose request a local account authorized.
void follow_accepted(store::Connection& c, const model::Account& follower, const model::Account& target,
                     const model::Follow& follow);
// Reject(Follow), to a remote follower: a rejected request, or a follower removed or blocked.
void follow_rejected(store::Connection& c, const model::Account& follower, const model::Account& target,
                     const model::Follow& follow);
// Block and Undo(Block), to a remote target.
void blocked(store::Connection& c, const model::Account& account, const model::Account& target);
void unblocked(store::Connection& c, const model::Account& account, const model::Account& target);

// Update of a local actor whose profile changed, to its followers' servers.
void profile_updated(store::Connection& c, const Context& ctx, const model::Account& account);

}  // namespace agora::services::outbound
