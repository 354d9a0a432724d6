// Following: follows, follow requests to locked accounts, and the lists of
// followers and followed accounts.
#pragma once
#include <cstdint>
#include <optional>

#include "model/account.h"
#include "model/pagination.h"
#include "model/relationship.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

// Mastodon's follow limit: 7,500, or 110 % of one's followers beyond that.
constexpr int64_t kFollowLimit = 7500;

// POST /api/v1/accounts/:id/follow. Follows at once, or asks when the target
// is locked (or remote, or the follower silenced); following again changes
// the given options. 404 for oneself and for suspended accounts, 403 when
// either blocks the other, 422 for unknown languages or past the follow limit.
model::Relationship follow(Context& ctx, const model::Account& viewer, int64_t target_id,
                           const model::FollowOptions& options);
// POST /api/v1/accounts/:id/unfollow: ends the follow, or withdraws the request.
model::Relationship unfollow(Context& ctx, const model::Account& viewer, int64_t target_id);
// POST /api/v1/accounts/:id/remove_from_followers.
model::Relationship remove_from_followers(Context& ctx, const model::Account& viewer, int64_t follower_id);

// POST /api/v1/follow_requests/:id/authorize and /reject; 404 without a pending request.
model::Relationship authorize_follow_request(Context& ctx, const model::Account& viewer, int64_t requester_id);
// Accepts every pending request, in the caller's transaction: an account
// that stops being locked lets everyone waiting in, as Mastodon does.
void accept_all_follow_requests(store::Connection& c, const model::Account& target);
model::Relationship reject_follow_request(Context& ctx, const model::Account& viewer, int64_t requester_id);
// GET /api/v1/follow_requests: who asks to follow the viewer, newest first.
model::Paginated<model::Account> follow_requests(Context& ctx, const model::Account& viewer,
                                                 const model::PageRequest& page);

// GET /api/v1/accounts/:id/followers and /following. Empty when the account
// hides its collections (unless the viewer is that account), is suspended,
// or blocks the viewer. Leaves out accounts the viewer does not want to see.
model::Paginated<model::Account> followers(Context& ctx, const std::optional<model::Account>& viewer,
                                           int64_t account_id, const model::PageRequest& page);
model::Paginated<model::Account> following(Context& ctx, const std::optional<model::Account>& viewer,
                                           int64_t account_id, const model::PageRequest& page);

// Who ended a follow decides what the other side is told: the follower
// withdraws it (Undo), the target rejects it (Reject).
enum class EndedBy { follower, target };
// Ends `follower`'s accepted follow of `target` with everything hanging on
// it: the counters, its notification, the follower's endorsement of the
// target. Call inside a transaction. False when there was none.
bool end_follow(store::Connection& c, const model::Account& follower, const model::Account& target, EndedBy by);
// Ends a pending request and its notification likewise.
bool end_follow_request(store::Connection& c, const model::Account& follower, const model::Account& target,
                        EndedBy by);

// Ends every follow and request between `account` and `other`, both ways (a
// block): `account`'s own are withdrawn, `other`'s are rejected.
void end_follows_between(store::Connection& c, const model::Account& account, const model::Account& other);

}  // namespace agora::services
