// Mastodon's Conversation entity (a member's direct-message thread).
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/conversation.h"

namespace agora::entities {

boost::json::object conversation(const model::ConversationView& v, const RenderContext& rc);

}  // namespace agora::entities
