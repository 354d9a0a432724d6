// Mastodon's REST::Admin::TagSerializer and REST::Admin::Trends::StatusSerializer:
// the public entity plus what a moderator reviews.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/status.h"
#include "model/tag_views.h"

namespace agora::entities {

boost::json::object admin_tag(const model::TagView& v, const RenderContext& rc, bool trendable_by_default);
boost::json::object admin_trend_status(const model::StatusView& v, const RenderContext& rc, bool requires_review);

}  // namespace agora::entities
