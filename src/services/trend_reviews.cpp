#include "services/trend_reviews.h"

#include "core/errors.h"
#include "core/time.h"
#include "services/hashtags.h"
#include "services/status_views.h"
#include "store/admin_action_logs.h"
#include "store/settings.h"
#include "store/status_discovery.h"
#include "store/statuses.h"

namespace agora::services {

store::tags::TrendReview public_trend_review(store::Connection& c) {
  auto stored = store::settings::find(c, "trendable_by_default");
  return stored && stored->value == "true" ? store::tags::TrendReview::reviewed_or_unreviewed
                                           : store::tags::TrendReview::reviewed;
}

bool may_review_trends(const Staff& staff) { return can(staff, model::Permission::manage_taxonomies); }

model::TagView review_tag(Context& ctx, const Staff& staff, int64_t tag_id, bool approve) {
  authorize(may_review_trends(staff));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    if (!store::tags::review(*conn, tag_id, approve, now)) throw Error::not_found();
    store::admin_action_logs::record(*conn, staff.account.id, approve ? "approve" : "reject", "Tag", tag_id,
                                     store::tags::find_by_id(*conn, tag_id)->name, now);
  });
  return tag_views(*conn, staff.account.id, {*store::tags::find_by_id(*conn, tag_id)}, now).front();
}

model::StatusView review_status(Context& ctx, const Staff& staff, int64_t status_id, bool approve) {
  authorize(may_review_trends(staff));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    if (!store::status_discovery::review(*conn, status_id, approve)) throw Error::not_found();
    store::admin_action_logs::record(*conn, staff.account.id, approve ? "approve" : "reject", "Status", status_id,
                                     std::to_string(status_id), now);
  });
  auto status = store::statuses::find(*conn, status_id);
  if (!status) throw Error::not_found();
  return load_status_view(*conn, staff.account.id, *status);
}

void review_link(Context&, const Staff& staff, int64_t, bool) {
  authorize(may_review_trends(staff));
  throw Error::not_found();
}

}  // namespace agora::services
