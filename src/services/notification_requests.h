// A member's notification policy and the notification requests it fills:
// senders whose notifications were held back, to accept or dismiss.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/notification.h"
#include "model/pagination.h"
#include "services/context.h"

namespace agora::services {

// The policy with its summary (pending requests and filtered notifications).
model::NotificationPolicy notification_policy(Context& ctx, const model::Account& me);

// What a client changes; each value is "accept", "filter" or "drop" (else 422).
struct PolicyChange {
  std::optional<std::string> for_not_following, for_not_followers, for_new_accounts, for_private_mentions,
      for_limited_accounts;
};
model::NotificationPolicy update_notification_policy(Context& ctx, const model::Account& me, const PolicyChange& change);

model::Paginated<model::NotificationRequestView> notification_requests(Context& ctx, const model::Account& me,
                                                                       const model::PageRequest& page);
// 404 when the member has no such request.
model::NotificationRequestView notification_request(Context& ctx, const model::Account& me, int64_t id);
// Accepting lets the sender through from now on and moves the held-back
// notifications into the list; dismissing deletes them. With `must_exist`
// (one request by id) an unknown id is a 404; lists skip unknown ids.
void accept_notification_requests(Context& ctx, const model::Account& me, const std::vector<int64_t>& ids,
                                  bool must_exist);
void dismiss_notification_requests(Context& ctx, const model::Account& me, const std::vector<int64_t>& ids,
                                   bool must_exist);

}  // namespace agora::services
