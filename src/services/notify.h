// Creating notifications as part of another change, in its transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::services {

// Notifies `recipient` of `type` ("follow", "mention", …) by `from`, about
// `status_id` if given, unless the recipient blocks `from` or mutes them
// with notifications hidden, or muted the thread of the status (Mastodon
// drops those). Remote recipients get none.
void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
            std::optional<int64_t> status_id = std::nullopt);

}  // namespace agora::services
