// Mastodon's Report entity, as the reporter sees it.
#pragma once
#include <boost/json/object.hpp>

#include "core/time.h"
#include "entities/render_context.h"
#include "model/report.h"

namespace agora::entities {

// The fields the Report and Admin::Report entities both begin with, in Mastodon's order.
template <class AnyReport>
boost::json::object report_head(const AnyReport& r) {
  return {{"id", std::to_string(r.id)},
          {"action_taken", r.action_taken_at.has_value()},
          {"action_taken_at", r.action_taken_at ? boost::json::value(format_iso8601(*r.action_taken_at))
                                                : boost::json::value(nullptr)},
          {"category", r.category},
          {"comment", r.comment},
          {"forwarded", r.forwarded},
          {"created_at", format_iso8601(r.created_at)}};
}

boost::json::object report(const model::Report& r, const RenderContext& rc);

}  // namespace agora::entities
