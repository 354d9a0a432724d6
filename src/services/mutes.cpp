#include "services/mutes.h"

#include <algorithm>
#include <map>

#include "core/time.h"
#include "services/relationships.h"
#include "store/mutes.h"

namespace agora::services {

namespace {
// Longer than any mute means anything; keeps the arithmetic far from overflow.
constexpr int64_t kMaxDurationS = 100LL * 366 * 86400;
}  // namespace

model::Relationship mute(Context& ctx, const model::Account& viewer, int64_t target_id,
                         std::optional<bool> hide_notifications, int64_t duration_s) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    if (target.id == viewer.id) return;
    int64_t now = now_ms();
    std::optional<int64_t> expires_at;
    // As Mastodon: any duration but 0 sets an end, even one already past.
    if (duration_s != 0) expires_at = now + std::clamp(duration_s, -kMaxDurationS, kMaxDurationS) * 1000;
    store::mutes::upsert(*conn, viewer.id, target.id, hide_notifications.value_or(true), expires_at, now);
  });
  return relationship(*conn, viewer.id, target_id);
}

model::Relationship unmute(Context& ctx, const model::Account& viewer, int64_t target_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    store::mutes::remove(*conn, viewer.id, target.id);
  });
  return relationship(*conn, viewer.id, target_id);
}

model::Paginated<model::MutedAccount> mutes(Context& ctx, const model::Account& viewer,
                                            const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto entries = store::mutes::page(*conn, viewer.id, page, now_ms());
  auto accounts = account_page(*conn, entries, page.limit);
  std::map<int64_t, std::optional<int64_t>> ends;
  for (const auto& e : entries) ends[e.account_id] = e.expires_at;
  model::Paginated<model::MutedAccount> out{{}, accounts.next_max_id, accounts.prev_since_id};
  for (auto& a : accounts.items) {
    auto expires_at = ends[a.id];
    out.items.push_back({std::move(a), expires_at});
  }
  return out;
}

}  // namespace agora::services
