// Creating notifications as part of another change, in its transaction.
#pragma once
#include <cstdint>
#include <string>

#include "store/database.h"

namespace agora::services {

// Notifies `recipient` of `type` ("follow", "follow_request") by `from`,
// unless the recipient mutes `from` with notifications hidden (Mastodon drops those).
void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms);

}  // namespace agora::services
