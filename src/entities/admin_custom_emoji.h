// A custom emoji as staff see it (agora's admin API; Mastodon shows these on
// Rails pages): the CustomEmoji entity's fields plus where it comes from and
// its flags.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "store/admin_custom_emojis.h"

namespace agora::entities {

boost::json::object admin_custom_emoji(const store::admin_custom_emojis::Emoji& e, const RenderContext& rc);

}  // namespace agora::entities
