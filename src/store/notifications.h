// Writing notifications. Reading them is the notifications API's business.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::notifications {

struct NewNotification {
  int64_t account_id = 0;       // recipient
  int64_t from_account_id = 0;
  std::string type;             // "follow", "follow_request", …
  std::optional<std::string> group_key;
  int64_t created_at = 0;
  std::optional<int64_t> status_id;
};
int64_t insert(Connection& c, const NewNotification& n);
// Deletes `type` notifications about `from_account_id` (e.g. a follow that was undone).
void remove(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type);
// Deletes `type` notifications about `from_account_id` acting on a status (e.g. an undone favourite).
void remove_about_status(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type,
                         int64_t status_id);

}  // namespace agora::store::notifications
