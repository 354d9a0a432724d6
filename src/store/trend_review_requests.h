// Which trending items the staff were already asked to review (Mastodon's
// requested_review_at), so each is mailed about once.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::trend_review_requests {

// `ids` (of `item_type` "tag" or "status") that were never requested, in the given order.
std::vector<int64_t> not_requested(Connection& c, const std::string& item_type, const std::vector<int64_t>& ids);
void mark_requested(Connection& c, const std::string& item_type, const std::vector<int64_t>& ids, int64_t now);

}  // namespace agora::store::trend_review_requests
