// What a member does to a status (Mastodon's FavouriteService, ReblogService,
// status pins, bookmarks and conversation mutes). Each returns the status as
// the member sees it afterwards; a status the member may not see is 404.
// Acting on a boost acts on the boosted status, as Mastodon does.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/account.h"
#include "model/status.h"
#include "services/context.h"

namespace agora::services {

// Mastodon's StatusPinValidator limit for local accounts.
constexpr int64_t kMaxPinnedStatuses = 5;

// Favouriting notifies the author; undoing it takes the notification back.
// 403 when the member blocks the author.
model::StatusView favourite(Context& ctx, const model::Account& member, int64_t status_id);
model::StatusView unfavourite(Context& ctx, const model::Account& member, int64_t status_id);

// Boosts the status (again: the existing boost) with `visibility` (public,
// unlisted or private; default: the member's default), followers-only and
// direct statuses keep their own. 403 for direct statuses, others'
// followers-only ones and authors the member blocks; 422 for a visibility
// a boost cannot have. Answers the boost.
model::StatusView reblog(Context& ctx, const model::Account& member, int64_t status_id,
                         const std::optional<std::string>& visibility);
// Removes the member's boost of the status; answers the boosted status.
model::StatusView unreblog(Context& ctx, const model::Account& member, int64_t status_id);

model::StatusView bookmark(Context& ctx, const model::Account& member, int64_t status_id);
model::StatusView unbookmark(Context& ctx, const model::Account& member, int64_t status_id);

// One's own statuses (not boosts, not direct), at most kMaxPinnedStatuses: 422 otherwise.
model::StatusView pin(Context& ctx, const model::Account& member, int64_t status_id);
model::StatusView unpin(Context& ctx, const model::Account& member, int64_t status_id);

// Mutes (or unmutes) notifications from the status's thread.
model::StatusView mute_conversation(Context& ctx, const model::Account& member, int64_t status_id);
model::StatusView unmute_conversation(Context& ctx, const model::Account& member, int64_t status_id);

}  // namespace agora::services
