// Queries on web_push_subscriptions: at most one per access token.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/push_subscription.h"
#include "store/database.h"

namespace agora::store::push_subscriptions {

// Replaces the token's subscription with `s` (its id is set). Call inside a transaction.
void replace(Connection& c, model::PushSubscription& s);
std::optional<model::PushSubscription> find(Connection& c, int64_t id);
std::optional<model::PushSubscription> find_by_token(Connection& c, int64_t access_token_id);
// The subscriptions of the member whose account is `account_id`, on tokens still valid.
std::vector<model::PushSubscription> for_account(Connection& c, int64_t account_id, int64_t now_ms);
void update_data(Connection& c, int64_t id, const model::PushSubscription& s, int64_t now_ms);
void remove(Connection& c, int64_t id);
void remove_by_token(Connection& c, int64_t access_token_id);

}  // namespace agora::store::push_subscriptions
