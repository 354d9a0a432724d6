// Mastodon's Report entity, as the reporter sees it.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/report.h"

namespace agora::entities {

boost::json::object report(const model::Report& r, const RenderContext& rc);

}  // namespace agora::entities
