// Flag: a report from another server about local accounts and statuses,
// stored for the moderators (unless a domain block rejects its reports).
#include "activitypub/parse_origin.h"
#include "core/time.h"
#include "core/utf8.h"
#include "services/activities/handlers.h"
#include "services/staff_notifications.h"
#include "store/accounts.h"
#include "store/domain_blocks.h"
#include "store/reports.h"
#include "store/statuses.h"

namespace agora::services::activities {

void on_flag(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  if (auto rule = store::domain_blocks::rule_for(c, signer.domain); rule && rule->reject_reports) return;
  store::in_transaction(c, [&] {
    std::optional<model::Account> target;
    std::vector<int64_t> status_ids;
    for (const auto& id : a.object_ids) {
      if (auto account = local_account(c, id)) {
        target = account;
      } else if (auto status = store::statuses::find_by_uri(c, id); status && status->local) {
        status_ids.push_back(status->id);
        if (!target) target = store::accounts::find(c, status->account_id);
      }
    }
    if (!target) return;
    std::erase_if(status_ids, [&](int64_t id) {
      auto s = store::statuses::find(c, id);
      return !s || s->account_id != target->id;  // only statuses of the reported account
    });
    int64_t now = now_ms();
    int64_t report_id = store::reports::insert(c, {signer.id, target->id, status_ids, "other",
                                                   std::string(utf8_prefix(a.content, 1000)), a.id}, now);
    if (report_id) staff_notifications::report_filed(ctx, c, report_id, now);
  });
}

}  // namespace agora::services::activities
