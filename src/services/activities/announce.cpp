// Announce (boosts) and Like (favourites; EmojiReact counts as one).
#include "activitypub/parse_vocabulary.h"
#include "services/activities/handlers.h"
#include "services/remote_statuses.h"
#include "services/resolver.h"
#include "services/visibility.h"
#include "store/follows.h"
#include "store/statuses.h"

namespace agora::services::activities {

void on_announce(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  if (a.object.empty()) return;
  {
    // Only boosts someone here may care about: of a local post, or by someone followed here.
    auto lease = ctx.db.acquire();
    auto stored = store::statuses::find_by_uri(*lease, a.object);
    if (!(stored && stored->local) && !store::follows::has_local_followers(*lease, signer.id)) return;
  }
  // Fetched from its own origin (an embedded copy from the booster is not believed).
  auto original = resolver::status_by_uri(ctx, a.object);
  if (!original || original->reblog()) return;
  auto visibility = activitypub::derive_visibility(a.to, a.cc, signer.followers_url);
  // Only what anyone may read can be boosted.
  if (original->visibility != model::Visibility::public_ && original->visibility != model::Visibility::unlisted) return;
  if (visibility == model::Visibility::direct) return;
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] { remote::reblog(c, signer, *original, a.id, visibility, a.published.value_or(0)); });
}

void on_like(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    auto status = store::statuses::find_by_uri(c, a.object);
    if (!status || !status->local || status->reblog() || !visibility::visible(c, signer.id, *status)) return;
    remote::favourite(c, signer, *status);
  });
}

}  // namespace agora::services::activities
