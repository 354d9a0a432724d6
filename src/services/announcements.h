// Announcements from the staff: what a member sees, dismissing them and
// reacting to them with an emoji.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/announcement.h"
#include "services/context.h"

namespace agora::services::announcements {

// Mastodon's limit of distinct reactions on one announcement.
constexpr int64_t kMaxDistinctReactions = 8;

struct NewAnnouncement {
  std::string text;
  std::optional<int64_t> starts_at, ends_at;
  bool all_day = false;
};
// 422 for blank text, an end before the start, or only one of the two.
void validate(const NewAnnouncement& a);
// Publishes an announcement now. 422 as validate.
model::Announcement publish(Context& ctx, const NewAnnouncement& a);
// Rendered content, hashtags, custom emoji and reactions as `viewer` sees them.
void complete(Context& ctx, std::vector<model::Announcement>& list, int64_t viewer);
std::vector<model::Announcement> all(Context& ctx);  // for the CLI
void remove(Context& ctx, int64_t id);              // 404 if unknown

// Published and not ended, oldest first, with content, reactions and
// whether the viewer dismissed each.
std::vector<model::Announcement> active(Context& ctx, const model::Account& viewer, bool with_dismissed);
// 404 unless the announcement is published and not ended.
void dismiss(Context& ctx, const model::Account& viewer, int64_t id);
// `name`: a unicode emoji or a local custom emoji's shortcode; 422 otherwise,
// or past the limit of distinct reactions, or for a repeat.
void react(Context& ctx, const model::Account& viewer, int64_t id, const std::string& name);
// 404 when the viewer has no such reaction.
void unreact(Context& ctx, const model::Account& viewer, int64_t id, const std::string& name);

}  // namespace agora::services::announcements
