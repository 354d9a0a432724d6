// Announcements on the staff side (Mastodon's Admin::AnnouncementsController
// and its scheduled publication): every one, published or not, written,
// published, unpublished and removed by staff with manage_announcements, each
// action in the audit log. Publishing streams `announcement` to members;
// unpublishing and removing stream `announcement.delete`.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/announcement.h"
#include "services/announcements.h"
#include "services/context.h"
#include "services/roles.h"

namespace agora::services::admin_announcements {

struct Fields {
  announcements::NewAnnouncement content;
  // Unpublished until then, when the job queue publishes it; none or past:
  // published at once on creation (Mastodon's set_published).
  std::optional<int64_t> scheduled_at;
};

// All of them, newest first, rendered for the staff member. 403 without
// manage_announcements (for every function here).
std::vector<model::Announcement> list(Context& ctx, const Staff& staff);
model::Announcement show(Context& ctx, const Staff& staff, int64_t id);  // 404 if unknown
// 422 as announcements::validate.
model::Announcement create(Context& ctx, const Staff& staff, const Fields& in);
// Replaces text, times and schedule; a published one is streamed again.
model::Announcement update(Context& ctx, const Staff& staff, int64_t id, const Fields& in);
model::Announcement publish(Context& ctx, const Staff& staff, int64_t id);
model::Announcement unpublish(Context& ctx, const Staff& staff, int64_t id);
void destroy(Context& ctx, const Staff& staff, int64_t id);

// The job: publishes the announcement if it is still unpublished and due.
void publish_scheduled(Context& ctx, int64_t id);

}  // namespace agora::services::admin_announcements
