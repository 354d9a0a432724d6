#include "services/outbound.h"

namespace agora::services::outbound {

// Each hook will enqueue a delivery job for the remote party's inbox when
// federation lands; a local party never needs one.

void follow_requested(store::Connection&, const model::Account&, const model::Account& target, const model::Follow&) {
  if (target.local()) return;
}

void follow_undone(store::Connection&, const model::Account&, const model::Account& target, const model::Follow&) {
  if (target.local()) return;
}

void follow_accepted(store::Connection&, const model::Account& follower, const model::Account&, const model::Follow&) {
  if (follower.local()) return;
}

void follow_rejected(store::Connection&, const model::Account& follower, const model::Account&, const model::Follow&) {
  if (follower.local()) return;
}

void blocked(store::Connection&, const model::Account&, const model::Account& target) {
  if (target.local()) return;
}

void unblocked(store::Connection&, const model::Account&, const model::Account& target) {
  if (target.local()) return;
}

}  // namespace agora::services::outbound
