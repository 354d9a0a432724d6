// A strike as a member reads it (agora's /api/v1/disputes/strikes, the data of
// Mastodon's Disputes::StrikesController page) and an appeal as moderators
// review it (/api/v1/admin/disputes/appeals).
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/dispute.h"

namespace agora::entities {

boost::json::object strike(const model::StrikeView& v, const RenderContext& rc);
boost::json::object admin_appeal(const model::AppealView& v);

}  // namespace agora::entities
