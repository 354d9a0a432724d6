// A local account as an ActivityPub actor (Person, or Service for bots), with
// Mastodon's extensions, so other servers can follow it and verify its keys.
#pragma once
#include <boost/json/object.hpp>
#include <vector>

#include "entities/render_context.h"
#include "model/account.h"
#include "model/tag.h"

namespace agora::activitypub {

// Its `emojis` (the custom emoji used in the display name, bio and fields) become Emoji tags.
// `also_known_as`: the account's aliases (actor ids).
boost::json::object actor(const model::Account& a, const std::vector<std::string>& also_known_as,
                          const entities::RenderContext& rc);

// The instance actor (type Application) that signs fetches made on behalf of
// the server itself; `a` is its account row.
boost::json::object instance_actor(const model::Account& a, const entities::RenderContext& rc);

// {type: Image, mediaType, url} for a stored file; mediaType from its extension.
boost::json::object image(const std::string& url);
// Mastodon's Emoji tag.
boost::json::object emoji_tag(const model::CustomEmoji& e, const entities::RenderContext& rc);

}  // namespace agora::activitypub
