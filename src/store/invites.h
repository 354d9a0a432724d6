// Rows of invites, each read with its creator's account and login state.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/invite.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::invites {

void insert(Connection& c, const model::Invite& i);
std::optional<model::Invite> find(Connection& c, int64_t id);
std::optional<model::Invite> find_by_code(Connection& c, const std::string& code);
// One member's invites, newest first.
std::vector<model::Invite> by_user(Connection& c, int64_t user_id, const model::PageRequest& page);
// Every invite; `available`: usable ones only (not expired, uses left), `expired`: the others.
std::vector<model::Invite> list(Connection& c, const std::string& state, int64_t now_ms,
                                const model::PageRequest& page);
void expire(Connection& c, int64_t id, int64_t now_ms);
// Expires every invite still open; returns how many.
int64_t expire_all(Connection& c, int64_t now_ms);
// Counts a sign-up through the invite (the row is counted atomically, never past max_uses):
// false when it was used up meanwhile.
bool use(Connection& c, int64_t invite_id, int64_t user_id, int64_t now_ms);
// The invite `user_id` signed up through, if any.
std::optional<model::Invite> used_by(Connection& c, int64_t user_id);

}  // namespace agora::store::invites
