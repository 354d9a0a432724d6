// Candidates for follow suggestions, and the ones a member dismissed.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "store/database.h"

namespace agora::store::suggestions {

// Discoverable accounts followed by the accounts `viewer` follows, the most
// shared first. Leaves out everyone the viewer follows, asked to follow,
// blocks, mutes, is blocked by, or dismissed, and the viewer.
std::vector<int64_t> friends_of_friends(Connection& c, int64_t viewer, int limit, int64_t now_ms);
// Discoverable accounts with followers, the most followed first (same exclusions).
std::vector<int64_t> most_followed(Connection& c, int64_t viewer, int limit, int64_t now_ms);

// Remembers that `viewer` does not want `target_account_id` suggested.
void dismiss(Connection& c, int64_t viewer, int64_t target_account_id, int64_t now_ms);

}  // namespace agora::store::suggestions

namespace agora::store::directory {

enum class Order { active, newest };
// Discoverable accounts for the profile directory (offset paging), leaving
// out those `viewer` (if any) does not want to see.
std::vector<int64_t> page(Connection& c, std::optional<int64_t> viewer, bool local_only, Order order, int64_t offset,
                          int limit, int64_t now_ms);

}  // namespace agora::store::directory
