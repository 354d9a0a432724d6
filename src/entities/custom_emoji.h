// Mastodon's CustomEmoji entity.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "entities/render_context.h"
#include "model/tag.h"

namespace agora::entities {

// `with_category`: GET /api/v1/custom_emojis shows it (when the emoji has
// one); emoji attached to statuses and accounts do not.
boost::json::object custom_emoji(const model::CustomEmoji& e, const RenderContext& rc, bool with_category = false);

}  // namespace agora::entities
