// Mastodon's Tag entity (4.3) with its daily history.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/tag.h"

namespace agora::entities {

boost::json::object tag(const model::TagView& v, const RenderContext& rc);

}  // namespace agora::entities
