#include "services/stream_events.h"

#include <boost/json.hpp>

#include "events/bus.h"
#include "store/statuses.h"

namespace agora::services::stream_events {

namespace json = boost::json;

namespace {

void publish(store::Connection& c, std::string channel, std::string event, const json::object& payload) {
  c.after_commit([e = events::Event{std::move(channel), std::move(event), json::serialize(payload)}] {
    events::bus().publish(e);
  });
}

json::object with_id(int64_t id) { return {{"id", std::to_string(id)}}; }

}  // namespace

std::string account_channel(int64_t account_id) { return "timeline:" + std::to_string(account_id); }
std::string token_channel(int64_t token_id) { return "timeline:access_token:" + std::to_string(token_id); }

void status_created(store::Connection& c, const model::Status& s) { publish(c, kStatuses, "update", with_id(s.id)); }

void status_edited(store::Connection& c, const model::Status& s) {
  publish(c, kStatuses, "status.update", with_id(s.id));
}

void status_deleted(store::Connection& c, const model::Status& s) {
  json::array mentioned;
  auto mentions = store::statuses::mentions(c, {s.id});
  if (auto m = mentions.find(s.id); m != mentions.end())
    for (int64_t id : m->second) mentioned.push_back(json::value(std::to_string(id)));
  publish(c, kStatuses, "delete",
          {{"id", std::to_string(s.id)},
           {"account_id", std::to_string(s.account_id)},
           {"visibility", model::visibility_name(s.visibility)},
           {"mentioned", std::move(mentioned)}});
}

void notification_created(store::Connection& c, int64_t recipient, int64_t notification_id) {
  publish(c, account_channel(recipient), "notification", with_id(notification_id));
}

void conversation_changed(store::Connection& c, int64_t account_id, int64_t status_id) {
  publish(c, account_channel(account_id), "conversation", {{"status_id", std::to_string(status_id)}});
}

void filters_changed(store::Connection& c, int64_t account_id) {
  publish(c, account_channel(account_id), "filters_changed", {});
}

void announcement_published(store::Connection& c, int64_t id) { publish(c, kAnnouncements, "announcement", with_id(id)); }

void announcement_reaction(store::Connection& c, int64_t id, const std::string& name) {
  publish(c, kAnnouncements, "announcement.reaction", {{"announcement_id", std::to_string(id)}, {"name", name}});
}

void announcement_deleted(store::Connection& c, int64_t id) {
  publish(c, kAnnouncements, "announcement.delete", with_id(id));
}

void token_revoked(store::Connection& c, int64_t token_id) { publish(c, token_channel(token_id), "kill", {}); }

}  // namespace agora::services::stream_events
