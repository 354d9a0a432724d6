// Mastodon's Relationship entity, and the small entities built around
// accounts in relationship lists: FamiliarFollowers, Suggestion, and the
// Account of a mute list (with mute_expires_at).
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/relationship.h"

namespace agora::entities {

boost::json::object relationship(const model::Relationship& r);
boost::json::object familiar_followers(const model::FamiliarFollowers& f, const RenderContext& rc);
boost::json::object suggestion(const model::Suggestion& s, const RenderContext& rc);
boost::json::object muted_account(const model::MutedAccount& m, const RenderContext& rc);

}  // namespace agora::entities
