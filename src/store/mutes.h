// Queries on mutes. A mute with expires_at in the past no longer counts,
// whether or not a cleanup has deleted it yet.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::mutes {

// Creates the mute or replaces its settings.
void upsert(Connection& c, int64_t account_id, int64_t target_account_id, bool hide_notifications,
            std::optional<int64_t> expires_at, int64_t now_ms);
bool remove(Connection& c, int64_t account_id, int64_t target_account_id);
// Whether `account_id` mutes `target_account_id` now, hiding its notifications.
bool hides_notifications(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now_ms);

struct Entry {
  int64_t row_id = 0;
  int64_t account_id = 0;  // the muted account
  std::optional<int64_t> expires_at;
};
// Whom `account_id` mutes now, newest first, leaving out suspended accounts.
std::vector<Entry> page(Connection& c, int64_t account_id, const model::PageRequest& page, int64_t now_ms);

}  // namespace agora::store::mutes
