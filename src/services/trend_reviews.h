// Reviewing trends (Mastodon's Admin::Trends and Api::V1::Admin::Trends): a
// tag or status trends publicly once a moderator with manage_taxonomies
// approved it, or while unreviewed when the trendable_by_default setting is
// "true" (Mastodon's default is review first). Rejected ones never trend.
#pragma once
#include <cstdint>

#include "model/status.h"
#include "model/tag.h"
#include "services/context.h"
#include "services/roles.h"
#include "store/tags.h"

namespace agora::services {

// What the public trends show, per the trendable_by_default setting.
store::tags::TrendReview public_trend_review(store::Connection& c);
bool may_review_trends(const Staff& staff);

// 403 without manage_taxonomies, then 404 for an unknown tag or status.
model::TagView review_tag(Context& ctx, const Staff& staff, int64_t tag_id, bool approve);
model::StatusView review_status(Context& ctx, const Staff& staff, int64_t status_id, bool approve);
// Links trend from preview cards, which agora does not make: always 404 after the permission check.
void review_link(Context& ctx, const Staff& staff, int64_t card_id, bool approve);

}  // namespace agora::services
