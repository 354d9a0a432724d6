// Block from a remote account, and Move (account migration).
#include <algorithm>

#include "core/log.h"
#include "core/time.h"
#include "services/activities/handlers.h"
#include "services/inbound_follows.h"
#include "services/migration.h"
#include "services/resolver.h"
#include "store/accounts.h"
#include "store/remote_accounts.h"

namespace agora::services::activities {

void on_block(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    if (auto target = local_account(c, a.object)) inbound::blocked(c, signer, *target);
  });
}

// The signer moved to `target`, which must name the signer among its aliases.
// Local followers follow the new account and leave the old one, as Mastodon's MoveWorker.
void on_move(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  if (a.object != signer.uri || a.target.empty() || a.target == signer.uri) return;
  auto target = resolver::account_by_uri(ctx, a.target, resolver::Freshness::refresh);
  if (!target || target->suspended_at) return;
  {
    auto lease = ctx.db.acquire();
    auto& c = *lease;
    auto aliases = store::remote_accounts::also_known_as(c, target->id);
    if (std::find(aliases.begin(), aliases.end(), signer.uri) == aliases.end()) {
      log::info("move of {} refused: {} does not name it as an alias", signer.uri, target->uri);
      return;
    }
    store::in_transaction(c, [&] { store::remote_accounts::set_moved_to(c, signer.id, target->id, now_ms()); });
  }
  move_local_followers(ctx, signer, *target);
}

}  // namespace agora::services::activities
