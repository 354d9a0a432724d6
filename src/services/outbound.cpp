#include "services/outbound.h"

#include "activitypub/activities.h"
#include "services/actor_documents.h"
#include "services/delivery.h"
#include "services/render_context.h"

namespace agora::services::outbound {

namespace {
// Stable, so that the Undo names the same Block.
std::string block_uri(const model::Account& account, const model::Account& target) {
  return account.uri + "#blocks/" + std::to_string(target.id);
}
}  // namespace

// Each hook tells the remote party; a local party never needs an activity.

void follow_requested(store::Connection& c, const model::Account& follower, const model::Account& target,
                      const model::Follow& request) {
  if (target.local()) return;
  delivery::to_account(c, follower, activitypub::follow(request.uri, follower, target), target);
}

void follow_undone(store::Connection& c, const model::Account& follower, const model::Account& target,
                   const model::Follow& follow) {
  if (target.local()) return;
  delivery::to_account(c, follower, activitypub::undo_follow(follow.uri, follower, target), target);
}

void follow_accepted(store::Connection& c, const model::Account& follower, const model::Account& target,
                     const model::Follow& follow) {
  if (follower.local()) return;
  delivery::to_account(c, target, activitypub::accept_follow(follow.id, follow.uri, follower, target), follower);
}

void follow_rejected(store::Connection& c, const model::Account& follower, const model::Account& target,
                     const model::Follow& follow) {
  if (follower.local()) return;
  delivery::to_account(c, target, activitypub::reject_follow(follow.id, follow.uri, follower, target), follower);
}

void blocked(store::Connection& c, const model::Account& account, const model::Account& target) {
  if (target.local()) return;
  delivery::to_account(c, account, activitypub::block(block_uri(account, target), account, target), target);
}

void unblocked(store::Connection& c, const model::Account& account, const model::Account& target) {
  if (target.local()) return;
  delivery::to_account(c, account, activitypub::undo_block(block_uri(account, target), account, target), target);
}

void profile_updated(store::Connection& c, const Context& ctx, const model::Account& account) {
  if (!account.local()) return;
  auto document = local_actor_document(c, ctx, account);
  delivery::to_followers(c, account, activitypub::update_actor(account, std::move(document)), {});
}

}  // namespace agora::services::outbound
