#include "entities/web_push.h"

#include "core/utf8.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

// Mastodon's notification_mailer.<type>.subject (English), the push's title.
std::string title_of(const std::string& type, const std::string& name) {
  if (type == "mention") return "You were mentioned by " + name;
  if (type == "status") return name + " just posted";
  if (type == "reblog") return name + " boosted your post";
  if (type == "follow") return name + " is now following you";
  if (type == "follow_request") return "Pending follower: " + name;
  if (type == "favourite") return name + " favorited your post";
  if (type == "poll") return "A poll by " + name + " has ended";
  if (type == "update") return name + " edited a post";
  if (type == "admin.sign_up") return name + " signed up";
  if (type == "admin.report") return "New report for " + name;
  return "New notification from " + name;
}

// Mastodon truncates the body to 140 characters, the last being "…".
std::string truncated(const std::string& text) {
  constexpr size_t kLength = 140;
  if (utf8_length(text) <= kLength) return text;
  return std::string(utf8_prefix(text, kLength - 3)) + "...";
}

}  // namespace

json::object web_push_subscription(const model::PushSubscription& s, const std::string& server_key) {
  json::object alerts;
  for (const auto& [type, on] : s.alerts) alerts[type] = on;
  // Mastodon renders the id as a number here, unlike every other entity.
  return json::object{{"id", s.id},          {"endpoint", s.endpoint},     {"standard", s.standard},
                      {"alerts", alerts},    {"server_key", server_key},   {"policy", s.policy}};
}

json::object push_notification(const PushNotificationInput& in) {
  const std::string& name = in.from.display_name.empty() ? in.from.username : in.from.display_name;
  return json::object{
      {"access_token", in.subscription.access_token},
      {"preferred_locale", in.preferred_locale},
      {"notification_id", in.notification.id},
      {"notification_type", in.notification.type},
      {"icon", in.icon},
      {"title", title_of(in.notification.type, name)},
      {"body", truncated(in.text)},
  };
}

}  // namespace agora::entities
