// Hashtags: looking them up with their use, following them, and the tags
// members feature on their profiles. Names are checked and normalised here
// (text/hashtags.h) and nowhere else.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "model/pagination.h"
#include "model/tag.h"
#include "model/tag_views.h"
#include "services/context.h"

namespace agora::services::tags {

// The tag typed as `display_name` (without '#'), created if it is new.
// Throws Error 422 "Validation failed: Name is invalid" for a name Mastodon
// would not accept. For statuses: call inside their transaction.
model::Tag find_or_create(store::Connection& c, std::string_view display_name, int64_t now);

// GET /api/v1/tags/:name. 404 for an invalid name; a valid name nobody used
// yet is shown with id 0 and an empty history, as Mastodon does.
model::TagView show(Context& ctx, std::string_view name, const std::optional<model::Account>& viewer);
// POST /api/v1/tags/:name/follow and /unfollow (creating the tag if needed).
model::TagView follow(Context& ctx, std::string_view name, const model::Account& viewer);
model::TagView unfollow(Context& ctx, std::string_view name, const model::Account& viewer);
// GET /api/v1/followed_tags, newest follow first, paged by the follow's id.
model::Paginated<model::TagView> followed(Context& ctx, const model::Account& viewer, const model::PageRequest& page);

// Featured tags.
std::vector<model::FeaturedTag> featured(Context& ctx, const model::Account& viewer);
// Features the tag (an already featured one is answered as is). 422 for an
// invalid name or past Mastodon's limit of 10.
model::FeaturedTag feature(Context& ctx, const model::Account& viewer, const std::string& name);
// 404 unless the featured tag is the viewer's.
void unfeature(Context& ctx, const model::Account& viewer, int64_t featured_id);
// The viewer's most used tags in their latest statuses, not featured yet (up to 10).
std::vector<model::TagView> suggestions(Context& ctx, const model::Account& viewer);
// GET /api/v1/accounts/:id/featured_tags (404 for unknown or hidden accounts).
std::vector<model::FeaturedTag> featured_of(Context& ctx, std::string_view account_id);

}  // namespace agora::services::tags
