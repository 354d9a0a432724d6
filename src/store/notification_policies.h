// A member's notification policy, the senders they let through despite it
// (permissions), and the requests grouping what the policy held back.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/notification.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::notification_policies {

// The stored policy, or the defaults.
model::NotificationPolicy find(Connection& c, int64_t account_id);
void save(Connection& c, int64_t account_id, const model::NotificationPolicy& p, int64_t now_ms);

bool permitted(Connection& c, int64_t account_id, int64_t from_account_id);
void permit(Connection& c, int64_t account_id, int64_t from_account_id, int64_t now_ms);

// Creates or refreshes the request from `from_account_id` with its latest status and count.
void upsert_request(Connection& c, int64_t account_id, int64_t from_account_id, std::optional<int64_t> last_status_id,
                    int64_t notifications_count, int64_t now_ms);
// Requests newest first, leaving out suspended senders.
std::vector<model::NotificationRequest> requests(Connection& c, int64_t account_id, const model::PageRequest& page);
std::optional<model::NotificationRequest> find_request(Connection& c, int64_t account_id, int64_t id);
std::vector<model::NotificationRequest> find_requests(Connection& c, int64_t account_id,
                                                      const std::vector<int64_t>& ids);
void remove_request(Connection& c, int64_t id);
int64_t count_requests(Connection& c, int64_t account_id, int64_t cap);

}  // namespace agora::store::notification_policies
