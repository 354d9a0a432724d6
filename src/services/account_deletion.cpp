#include "services/account_deletion.h"

#include "activitypub/activities.h"
#include "core/time.h"
#include "services/conversations.h"
#include "services/delivery.h"
#include "services/storage.h"
#include "services/stream_events.h"
#include "store/account_removal.h"
#include "store/statuses.h"
#include "store/suspensions.h"

namespace agora::services::account_deletion {

std::vector<std::string> delete_in(store::Connection& c, const model::Account& account, int64_t now, Member member) {
  if (account.local())
    delivery::to_inboxes(c, account, activitypub::delete_actor(account), store::suspensions::known_inboxes(c));
  for (const auto& s : store::statuses::of_account(c, account.id)) {
    stream_events::status_deleted(c, s);
    remove_direct_status(c, s, now);
  }
  store::suspensions::cancel_deletion(c, account.id);
  return store::account_removal::empty_account(c, account.id, now, member == Member::keep);
}

void delete_account(Context& ctx, const model::Account& account, Member member) {
  auto conn = ctx.db.acquire();
  auto keys = store::in_transaction(*conn, [&] { return delete_in(*conn, account, now_ms(), member); });
  remove_stored_files(ctx, keys);
}

}  // namespace agora::services::account_deletion
