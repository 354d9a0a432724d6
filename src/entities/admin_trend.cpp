#include "entities/admin_trend.h"

#include <boost/json.hpp>

#include "entities/status.h"
#include "entities/tag.h"

namespace agora::entities {

boost::json::object admin_tag(const model::TagView& v, const RenderContext& rc, bool trendable_by_default) {
  auto out = tag(v, rc);
  out["trendable"] = v.tag.trendable.value_or(trendable_by_default);
  out["usable"] = v.tag.usable;
  out["requires_review"] = !v.tag.trendable.has_value();
  out["listable"] = v.tag.listable.value_or(true);
  return out;
}

boost::json::object admin_trend_status(const model::StatusView& v, const RenderContext& rc, bool requires_review) {
  auto out = status(v, rc);
  out["requires_review"] = requires_review;
  return out;
}

}  // namespace agora::entities
