// Follow, Accept(Follow) and Reject(Follow).
#include "services/activities/handlers.h"
#include "services/inbound_follows.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/undone_early.h"

namespace agora::services::activities {

namespace {

// Our follow (or request) that an Accept/Reject from `signer` answers: named
// by the embedded Follow's actor, or by its id alone.
std::optional<model::Account> answered_follower(store::Connection& c, const model::Account& signer,
                                                const activitypub::Activity& a) {
  if (a.inner && a.inner->kind == activitypub::ActivityType::follow) {
    if (a.inner->object != signer.uri) return std::nullopt;  // one may only answer follows of oneself
    return local_account(c, a.inner->actor);
  }
  using store::follows::Table;
  for (Table t : {Table::requests, Table::follows})
    if (auto f = store::follows::find_by_uri(c, t, a.object); f && f->target_account_id == signer.id)
      return store::accounts::find(c, f->account_id);
  return std::nullopt;
}

}  // namespace

std::optional<model::Account> local_account(store::Connection& c, const std::string& uri) {
  auto a = store::accounts::find_by_uri(c, uri);
  if (!a || !a->local()) return std::nullopt;
  return a;
}

void on_follow(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    if (!a.id.empty() && store::undone_early::take(c, a.id)) return;  // its Undo came first
    if (auto target = local_account(c, a.object)) inbound::follow(c, signer, *target, a.id);
  });
}

void on_accept(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    if (auto follower = answered_follower(c, signer, a)) inbound::follow_accepted(c, *follower, signer);
  });
}

void on_reject(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    if (auto follower = answered_follower(c, signer, a)) inbound::follow_rejected(c, *follower, signer);
  });
}

}  // namespace agora::services::activities
