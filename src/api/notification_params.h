// The list parameters the notifications endpoints (v1 and v2) share.
#pragma once
#include "http/request.h"
#include "services/notifications.h"

namespace agora::api {

// Mastodon's DEFAULT_NOTIFICATIONS_LIMIT (clients may ask for twice as
// many) and the unread counts' default and cap.
constexpr int kDefaultNotificationsLimit = 40;
constexpr int kMaxNotificationsLimit = 2 * kDefaultNotificationsLimit;
constexpr int kDefaultUnreadCountLimit = 100;
constexpr int kMaxUnreadCountLimit = 1000;

// types[], exclude_types[], account_id, include_filtered, grouped_types[].
services::NotificationQuery notification_query(const http::Request& req);

}  // namespace agora::api
