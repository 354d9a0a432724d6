// Reading and dismissing a member's notifications, one by one (API v1) and
// in groups (API v2), as Mastodon 4.3's notifications controllers do.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/notification.h"
#include "model/pagination.h"
#include "services/context.h"

namespace agora::services {

// The list parameters (Mastodon's `browserable`).
struct NotificationQuery {
  std::vector<std::string> types;          // empty: all
  std::vector<std::string> exclude_types;
  std::optional<int64_t> account_id;       // only from this sender (filtered ones included)
  bool include_filtered = false;
  std::vector<std::string> grouped_types;  // v2; empty: favourite, reblog, follow, admin.sign_up
};

// Newest first; leaves out notifications about statuses the member may no
// longer see. The cursors are the first and last notification read.
model::Paginated<model::NotificationView> notifications(Context& ctx, const model::Account& me,
                                                        const NotificationQuery& q, const model::PageRequest& page);
// 404 when the member has no such notification.
model::NotificationView notification(Context& ctx, const model::Account& me, int64_t id);
void dismiss_notification(Context& ctx, const model::Account& me, int64_t id);
void clear_notifications(Context& ctx, const model::Account& me);
// Notifications (groups with `grouped`) newer than the notifications marker, at most `limit`.
int64_t unread_count(Context& ctx, const model::Account& me, const NotificationQuery& q, int64_t limit, bool grouped);

// A page of notification groups: each group appears once, at its newest
// notification within the page.
model::GroupedNotifications grouped_notifications(Context& ctx, const model::Account& me, const NotificationQuery& q,
                                                  const model::PageRequest& page);
// One group by its key; 404 when the member has none.
model::GroupedNotifications notification_group(Context& ctx, const model::Account& me, const std::string& group_key);
void dismiss_notification_group(Context& ctx, const model::Account& me, const std::string& group_key);
// The accounts behind a group's notifications, newest first.
std::vector<model::Account> notification_group_accounts(Context& ctx, const model::Account& me,
                                                        const std::string& group_key, int limit);

}  // namespace agora::services
