// Undo of a Follow, Like, Announce or Block; the inner activity may come
// embedded or as its id alone.
#include "core/time.h"
#include "services/activities/handlers.h"
#include "services/inbound_follows.h"
#include "services/remote_statuses.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/statuses.h"
#include "store/undone_early.h"

namespace agora::services::activities {

namespace {

void undo_embedded(store::Connection& c, const model::Account& signer, const activitypub::Activity& inner) {
  using activitypub::ActivityType;
  switch (inner.kind) {
    case ActivityType::follow:
      if (auto target = local_account(c, inner.object))
        if (!inbound::follow_undone(c, signer, *target) && !inner.id.empty())
          store::undone_early::remember(c, inner.id, now_ms());  // the Follow is still on its way
      break;
    case ActivityType::like:
    case ActivityType::emoji_react:
      if (auto status = store::statuses::find_by_uri(c, inner.object); status && status->local)
        remote::unfavourite(c, signer, *status);
      break;
    case ActivityType::announce: remote::remove(c, signer, inner.id); break;
    case ActivityType::block:
      if (auto target = local_account(c, inner.object)) inbound::unblocked(c, signer, *target);
      break;
    default: break;
  }
}

// Only the inner activity's id: a boost or a follow we stored under it.
void undo_by_id(store::Connection& c, const model::Account& signer, const std::string& id) {
  if (remote::remove(c, signer, id)) return;
  using store::follows::Table;
  for (Table t : {Table::follows, Table::requests})
    if (auto f = store::follows::find_by_uri(c, t, id); f && f->account_id == signer.id)
      if (auto target = store::accounts::find(c, f->target_account_id)) inbound::follow_undone(c, signer, *target);
}

}  // namespace

void on_undo(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  if (a.inner && a.inner->actor != signer.uri) return;  // one may only undo one's own
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    if (a.inner) undo_embedded(c, signer, *a.inner);
    else if (!a.object.empty()) undo_by_id(c, signer, a.object);
  });
}

}  // namespace agora::services::activities
