// Mastodon's Announcement entity (with its Reaction entities).
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/announcement.h"

namespace agora::entities {

boost::json::object announcement(const model::Announcement& a, const RenderContext& rc);
// The staff's view: the entity without `read`, plus the text as written,
// whether it is published and its schedule (agora's admin API).
boost::json::object admin_announcement(const model::Announcement& a, const RenderContext& rc);
boost::json::object reaction(const model::AnnouncementReaction& r, const RenderContext& rc);

}  // namespace agora::entities
