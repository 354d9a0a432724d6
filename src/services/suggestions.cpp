#include "services/suggestions.h"

#include <algorithm>
#include <map>

#include "core/time.h"
#include "services/relationships.h"
#include "store/accounts.h"
#include "store/suggestions.h"

namespace agora::services {

namespace {
// How many candidates each source offers before merging and offsetting.
constexpr int kCandidatesPerSource = 200;
}  // namespace

std::vector<model::Suggestion> suggestions(Context& ctx, const model::Account& viewer, int limit, int64_t offset) {
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  // An account found by both sources is suggested once, with both reasons.
  std::vector<int64_t> order;
  std::map<int64_t, std::vector<std::string>> sources;
  auto collect = [&](const std::vector<int64_t>& ids, const char* source) {
    for (int64_t id : ids) {
      auto& reasons = sources[id];
      if (reasons.empty()) order.push_back(id);
      reasons.emplace_back(source);
    }
  };
  collect(store::suggestions::friends_of_friends(*conn, viewer.id, kCandidatesPerSource, now), "friends_of_friends");
  collect(store::suggestions::most_followed(*conn, viewer.id, kCandidatesPerSource, now), "most_followed");

  std::vector<int64_t> wanted;
  for (size_t i = static_cast<size_t>(std::max<int64_t>(offset, 0)); i < order.size() && wanted.size() < static_cast<size_t>(limit); ++i)
    wanted.push_back(order[i]);
  std::vector<model::Suggestion> out;
  for (auto& account : accounts_in_order(*conn, wanted)) {
    auto reasons = sources[account.id];
    out.push_back({std::move(account), std::move(reasons)});
  }
  return out;
}

void dismiss_suggestion(Context& ctx, const model::Account& viewer, int64_t account_id) {
  auto conn = ctx.db.acquire();
  if (!store::accounts::find(*conn, account_id)) return;
  store::suggestions::dismiss(*conn, viewer.id, account_id, now_ms());
}

std::vector<model::Account> directory(Context& ctx, const std::optional<model::Account>& viewer,
                                      const DirectoryQuery& q) {
  auto conn = ctx.db.acquire();
  auto order = q.newest_first ? store::directory::Order::newest : store::directory::Order::active;
  std::optional<int64_t> viewer_id = viewer ? std::optional<int64_t>(viewer->id) : std::nullopt;
  auto ids = store::directory::page(*conn, viewer_id, q.local_only, order, std::max<int64_t>(q.offset, 0), q.limit,
                                    now_ms());
  return accounts_in_order(*conn, ids);
}

}  // namespace agora::services
