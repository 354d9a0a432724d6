// Mastodon's ScheduledStatus entity.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/scheduled_status.h"

namespace agora::entities {

boost::json::object scheduled_status(const model::ScheduledStatus& s, const RenderContext& rc);

}  // namespace agora::entities
