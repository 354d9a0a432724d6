// Mastodon's Status entity (4.3), and the small entities inside it:
// Mention, status Tag, Poll and MediaAttachment.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/status.h"

namespace agora::entities {

boost::json::object status(const model::StatusView& v, const RenderContext& rc);
boost::json::object poll(const model::PollView& p, const boost::json::storage_ptr& sp = {});
boost::json::object media_attachment(const model::MediaAttachment& m, const RenderContext& rc);

}  // namespace agora::entities
