#include "services/interaction_lists.h"

#include "core/time.h"
#include "services/relationships.h"
#include "services/status_pages.h"
#include "services/visibility.h"
#include "store/status_interactions.h"

namespace agora::services {

namespace {

model::Paginated<model::StatusView> statuses_of(store::Connection& c, int64_t viewer,
                                                const std::vector<store::RowRef>& rows, int limit) {
  std::vector<StatusRow> status_rows;
  for (const auto& r : rows) status_rows.push_back({r.row_id, r.id});
  return status_page(c, viewer, status_rows, limit);
}

struct AccountRow {
  int64_t row_id = 0;
  int64_t account_id = 0;
};

template <class Read>
model::Paginated<model::Account> accounts_of(Context& ctx, std::optional<int64_t> viewer, int64_t status_id,
                                             const model::PageRequest& page, Read&& read) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  visibility::require_visible(c, viewer, status_id);
  std::vector<AccountRow> rows;
  for (const auto& r : read(c, status_id, page, viewer, now_ms())) rows.push_back({r.row_id, r.id});
  return account_page(c, rows, page.limit);
}

}  // namespace

model::Paginated<model::StatusView> favourites(Context& ctx, const model::Account& member,
                                               const model::PageRequest& page) {
  auto lease = ctx.db.acquire();
  return statuses_of(*lease, member.id, store::favourites::of_account(*lease, member.id, page), page.limit);
}

model::Paginated<model::StatusView> bookmarks(Context& ctx, const model::Account& member,
                                              const model::PageRequest& page) {
  auto lease = ctx.db.acquire();
  return statuses_of(*lease, member.id, store::bookmarks::of_account(*lease, member.id, page), page.limit);
}

model::Paginated<model::Account> favourited_by(Context& ctx, std::optional<int64_t> viewer, int64_t status_id,
                                               const model::PageRequest& page) {
  return accounts_of(ctx, viewer, status_id, page, store::favourites::accounts_of);
}

model::Paginated<model::Account> reblogged_by(Context& ctx, std::optional<int64_t> viewer, int64_t status_id,
                                              const model::PageRequest& page) {
  return accounts_of(ctx, viewer, status_id, page, store::reblogs::accounts_of);
}

}  // namespace agora::services
