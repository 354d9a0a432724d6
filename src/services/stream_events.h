// What the streaming API hears of: each call publishes one event on the bus
// (events/bus.h) once the caller's transaction commits, so no stream shows
// something a rollback took back. Events carry ids and the facts needed to
// decide who receives them; the streaming face renders per recipient.
#pragma once
#include <cstdint>
#include <string>

#include "model/status.h"
#include "store/database.h"

namespace agora::services::stream_events {

// Channels and their payloads (JSON):
//   "statuses": update, status.update {"id"}; delete {"id","account_id","visibility","mentioned":[…]}
//   "timeline:ACCOUNT_ID": notification {"id"}, conversation {"status_id"}, filters_changed {}
//   "announcements": announcement {"id"}, announcement.reaction {"announcement_id","name"},
//                    announcement.delete {"id"}
//   "timeline:access_token:TOKEN_ID": kill {}
inline constexpr const char* kStatuses = "statuses";
inline constexpr const char* kAnnouncements = "announcements";
std::string account_channel(int64_t account_id);
std::string token_channel(int64_t token_id);

void status_created(store::Connection& c, const model::Status& s);  // posts and boosts, local or remote
void status_edited(store::Connection& c, const model::Status& s);
// Call before the status's rows go (its mentions are read).
void status_deleted(store::Connection& c, const model::Status& s);
void notification_created(store::Connection& c, int64_t recipient, int64_t notification_id);
// `status_id` became the conversation's last status for `account_id`.
void conversation_changed(store::Connection& c, int64_t account_id, int64_t status_id);
void filters_changed(store::Connection& c, int64_t account_id);
void announcement_published(store::Connection& c, int64_t id);
void announcement_reaction(store::Connection& c, int64_t id, const std::string& name);
void announcement_deleted(store::Connection& c, int64_t id);
void token_revoked(store::Connection& c, int64_t token_id);

}  // namespace agora::services::stream_events
