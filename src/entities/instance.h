// Mastodon's Instance entity: V1 (GET /api/v1/instance) and V2 (GET /api/v2/instance).
#pragma once
#include <optional>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "entities/render_context.h"
#include "model/instance.h"

namespace agora::entities {

boost::json::value instance_v1(const model::InstanceOverview& o, const RenderContext& rc);
boost::json::value instance_v2(const model::InstanceOverview& o, const RenderContext& rc);
// V2's thumbnail: {url, blurhash, versions} of an uploaded picture, or the default one's {url}.
boost::json::object instance_thumbnail(const std::optional<model::SiteThumbnail>& t, const RenderContext& rc);

}  // namespace agora::entities
