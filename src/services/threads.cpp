#include "services/threads.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/time.h"
#include "services/status_views.h"
#include "services/visibility.h"
#include "store/exclusions.h"
#include "store/statuses.h"
#include "store/threads.h"

namespace agora::services {

namespace {

// Mastodon's StatusesController: "quasi-unlimited" for members, less for everyone else.
constexpr int kContextLimit = 4096;
constexpr int kAnonymousAncestorsLimit = 40;
constexpr int kAnonymousDescendantsLimit = 60;
constexpr int kAnonymousDescendantsDepth = 20;

}  // namespace

std::vector<model::StatusView> viewable_statuses(store::Connection& c, std::optional<int64_t> viewer,
                                                 const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  std::map<int64_t, model::Status> found;
  for (auto& s : store::statuses::find_many(c, ids)) found.emplace(s.id, std::move(s));
  std::vector<model::Status> ordered;
  std::vector<int64_t> original_ids;
  for (int64_t id : ids)
    if (auto it = found.find(id); it != found.end()) {
      ordered.push_back(it->second);
      if (it->second.reblog_of_id) original_ids.push_back(*it->second.reblog_of_id);
    }
  auto originals = store::statuses::find_many(c, original_ids);
  auto shown = visibility::visible(c, viewer, ordered, originals);
  if (viewer && !shown.empty()) {
    std::set<int64_t> authors;
    for (const auto& s : shown)
      if (s.account_id != *viewer) authors.insert(s.account_id);
    auto kept = store::not_excluded(c, *viewer, {authors.begin(), authors.end()}, now_ms());
    std::set<int64_t> allowed(kept.begin(), kept.end());
    std::erase_if(shown, [&](const model::Status& s) { return s.account_id != *viewer && !allowed.contains(s.account_id); });
  }
  return load_status_views(c, viewer, shown);
}

StatusContext status_context(Context& ctx, std::optional<int64_t> viewer, int64_t status_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto status = visibility::require_visible(c, viewer, status_id);
  bool signed_in = viewer.has_value();
  StatusContext out;
  if (status.in_reply_to_id)
    out.ancestors = viewable_statuses(
        c, viewer, store::threads::ancestor_ids(c, status.id, signed_in ? kContextLimit : kAnonymousAncestorsLimit));
  auto descendants =
      signed_in ? store::threads::descendant_ids(c, status.id, kContextLimit, std::nullopt)
                : store::threads::descendant_ids(c, status.id, kAnonymousDescendantsLimit, kAnonymousDescendantsDepth);
  out.descendants = viewable_statuses(c, viewer, descendants);
  // Replies by their own author come first (Mastodon promotes self-replies), keeping their order.
  std::stable_partition(out.descendants.begin(), out.descendants.end(), [](const model::StatusView& v) {
    return v.status.in_reply_to_account_id && *v.status.in_reply_to_account_id == v.status.account_id;
  });
  return out;
}

}  // namespace agora::services
