// Add and Remove on an actor's featured collection: pinning and unpinning
// its own statuses, as Mastodon's ActivityPub::Activity::Add/Remove.
#include "core/time.h"
#include "services/activities/handlers.h"
#include "services/resolver.h"
#include "store/remote_accounts.h"
#include "store/status_interactions.h"
#include "store/statuses.h"

namespace agora::services::activities {

namespace {

// Only the signer's own featured collection, named as the target, speaks for its pins.
bool targets_own_featured(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  if (a.target.empty() || a.object.empty()) return false;
  auto lease = ctx.db.acquire();
  return a.target == store::remote_accounts::featured_url(*lease, signer.id);
}

}  // namespace

void on_add(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  if (!targets_own_featured(ctx, signer, a)) return;
  auto status = resolver::status_by_uri(ctx, a.object);
  if (!status || status->account_id != signer.id || status->reblog()) return;
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] { store::status_pins::insert(c, signer.id, status->id, now_ms()); });
}

void on_remove(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  if (!targets_own_featured(ctx, signer, a)) return;
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    auto status = store::statuses::find_by_uri(c, a.object);
    if (status && status->account_id == signer.id) store::status_pins::remove(c, signer.id, status->id);
  });
}

}  // namespace agora::services::activities
