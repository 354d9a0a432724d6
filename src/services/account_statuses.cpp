#include "services/account_statuses.h"

#include "core/strings.h"
#include "core/time.h"
#include "services/status_pages.h"
#include "store/account_statuses.h"
#include "store/blocks.h"
#include "store/follows.h"

namespace agora::services {

namespace {

// Tags are stored lower case, without the '#'.
std::string tag_name(std::string_view asked) {
  if (!asked.empty() && asked.front() == '#') asked.remove_prefix(1);
  return ascii_lower(asked);
}

}  // namespace

model::Paginated<model::StatusView> account_statuses(Context& ctx, std::optional<int64_t> viewer,
                                                     const model::Account& account,
                                                     const AccountStatusesRequest& request) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  if (account.suspended_at) return {};
  if (viewer && *viewer != account.id && store::blocks::exists(c, account.id, *viewer)) return {};

  store::account_statuses::Query q;
  q.account_id = account.id;
  q.viewer = viewer;
  q.viewer_follows = viewer && store::follows::find(c, store::follows::Table::follows, *viewer, account.id);
  q.pinned = request.pinned;
  q.only_media = request.only_media;
  q.exclude_replies = request.exclude_replies;
  q.exclude_reblogs = request.exclude_reblogs;
  if (request.tagged) q.tagged = tag_name(*request.tagged);
  q.now_ms = now_ms();
  q.page = request.page;

  std::vector<StatusRow> rows;
  for (const auto& r : store::account_statuses::page(c, q)) rows.push_back({r.row_id, r.id});
  return status_page(c, viewer, rows, request.page.limit);
}

}  // namespace agora::services
