// Mastodon's WebPushSubscription entity, and the JSON a push carries to the
// app (Web::NotificationSerializer), before it is encrypted.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "model/account.h"
#include "model/notification.h"
#include "model/push_subscription.h"

namespace agora::entities {

boost::json::object web_push_subscription(const model::PushSubscription& s, const std::string& server_key);

struct PushNotificationInput {
  const model::PushSubscription& subscription;
  const model::Notification& notification;
  const model::Account& from;
  std::string preferred_locale;
  std::string icon;  // the sender's static avatar, absolute
  std::string text;  // plain text: the status' content warning or text, or the sender's note
};
boost::json::object push_notification(const PushNotificationInput& in);

}  // namespace agora::entities
