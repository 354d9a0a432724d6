// What remote servers tell us about follows and blocks (Follow, Accept,
// Reject, Undo(Follow), Block, Undo(Block)), applied with the same rules as
// the local actions. Call inside a transaction; the accounts are already
// resolved and the activity's origin checked by the caller.
#pragma once
#include <string>

#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::inbound {

// A remote follower asks to follow a local account: a request when the
// target is locked, else a follow answered with Accept; Reject when either
// blocks the other. A repeated Follow is accepted again (the remote may have
// lost our Accept).
void follow(store::Connection& c, const model::Account& follower, const model::Account& target,
            const std::string& follow_uri);
// The remote target accepted our follow request; false when there was none.
bool follow_accepted(store::Connection& c, const model::Account& follower, const model::Account& target);
// The remote target rejected our request or ended our follow.
void follow_rejected(store::Connection& c, const model::Account& follower, const model::Account& target);
// The remote follower withdrew its follow or request; false when there was neither.
bool follow_undone(store::Connection& c, const model::Account& follower, const model::Account& target);

void blocked(store::Connection& c, const model::Account& account, const model::Account& target);
void unblocked(store::Connection& c, const model::Account& account, const model::Account& target);

}  // namespace agora::services::inbound
