// Creating notifications as part of another change, in its transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::services {

// Notifies `recipient` of `type` ("follow", "mention", "favourite", …) by
// `from`, about `status_id` if given, as Mastodon's NotifyService does:
// nothing when the recipient blocks `from` or mutes them with notifications
// hidden, or muted the thread of the status; then the recipient's notification policy accepts, filters
// (stored with filtered=true, a mention also opens a notification request)
// or drops it. Favourites, boosts, follows and sign-ups get a group key.
// Nobody is notified of their own doing, except of the end of their own poll.
// Remote recipients get none.
void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
            std::optional<int64_t> status_id = std::nullopt);

// What a notification is about besides a status: the report of admin.report,
// the strike of moderation_warning (whose sender is the member themselves).
struct NotificationSubject {
  std::optional<int64_t> report_id;
  std::optional<int64_t> account_warning_id;
};
void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
            const NotificationSubject& subject);

}  // namespace agora::services
