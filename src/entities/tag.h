// Mastodon's Tag and FeaturedTag entities, as Mastodon 4.3 renders them.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "entities/render_context.h"
#include "model/tag_views.h"

namespace agora::entities {

// BASE/tags/NAME, the tag's page.
std::string tag_url(const model::Tag& t, const RenderContext& rc);
// id, name (as first typed), url, history (7 days, strings), and `following`
// when someone is signed in.
boost::json::object tag(const model::TagView& v, const RenderContext& rc);
// The {name, url} a status or an announcement lists its hashtags with.
boost::json::object status_tag(const std::string& display_name, const RenderContext& rc);
boost::json::object featured_tag(const model::FeaturedTag& f, const RenderContext& rc);

}  // namespace agora::entities
