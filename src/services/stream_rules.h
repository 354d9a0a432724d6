// Who receives what on the streaming API, decided by the same rules as the
// REST endpoints: a status goes to a stream when the matching timeline's own
// query, narrowed to that one status, returns it for the viewer (visibility,
// blocks, mutes, domain blocks, languages, local/remote/media), rendered with
// the viewer's filters. No rule is written twice.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/announcement.h"
#include "model/notification.h"
#include "model/status.h"
#include "services/context.h"
#include "services/conversations.h"
#include "services/timelines.h"

namespace agora::services::stream_rules {

struct Timeline {
  enum class Kind { home, list, public_, hashtag } kind = Kind::home;
  int64_t list_id = 0;
  std::string tag;
  PublicTimelineOptions options;  // public and hashtag: local, remote, only_media
};

// The status as `viewer` sees it, if it is on `timeline` for them now.
std::optional<model::StatusView> on_timeline(Context& ctx, const model::Account& viewer, const Timeline& timeline,
                                             int64_t status_id);

// What is known of a status once its rows are gone.
struct DeletedStatus {
  int64_t id = 0;
  int64_t account_id = 0;
  model::Visibility visibility = model::Visibility::public_;
  std::vector<int64_t> mentioned;
};
// Whether `viewer` may have been shown it (services/visibility.h's rule).
bool may_have_seen(Context& ctx, const model::Account& viewer, const DeletedStatus& status);

// The notification as GET /api/v1/notifications/:id shows it, if it does.
std::optional<model::NotificationView> notification(Context& ctx, const model::Account& viewer, int64_t id);
// The viewer's conversation whose last status is `status_id`, as listed.
std::optional<ConversationView> conversation(Context& ctx, const model::Account& viewer, int64_t status_id);
// The announcement as GET /api/v1/announcements shows it, if active.
std::optional<model::Announcement> announcement(Context& ctx, const model::Account& viewer, int64_t id);
// A list the viewer owns.
bool owns_list(Context& ctx, const model::Account& viewer, int64_t list_id);

}  // namespace agora::services::stream_rules
