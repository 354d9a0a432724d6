// Mastodon 4.3's Notification, NotificationGroup (with the grouped list's
// deduplicated accounts and statuses), NotificationPolicy (v2 and v1) and
// NotificationRequest entities.
#pragma once
#include <boost/json/object.hpp>

#include "entities/render_context.h"
#include "model/notification.h"

namespace agora::entities {

boost::json::object notification(const model::NotificationView& v, const RenderContext& rc);
boost::json::object notification_group(const model::NotificationGroup& g, const RenderContext& rc);
// {accounts, [partial_accounts,] statuses, notification_groups}; with
// `partial_avatars`, only each group's newest sender is a full account.
boost::json::object grouped_notifications(const model::GroupedNotifications& g, bool partial_avatars,
                                          const RenderContext& rc);
boost::json::object notification_policy(const model::NotificationPolicy& p);
boost::json::object notification_policy_v1(const model::NotificationPolicy& p);
boost::json::object notification_request(const model::NotificationRequestView& v, const RenderContext& rc);

}  // namespace agora::entities
