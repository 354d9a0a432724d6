// The applications a member has given live access tokens (Settings →
// Authorized apps), and taking that access back.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/oauth.h"
#include "store/database.h"

namespace agora::store::authorized_applications {

struct AuthorizedApplication {
  model::OAuthApplication application;
  std::vector<std::string> scopes;      // the union over the member's live tokens
  std::optional<int64_t> last_used_at;  // the latest use of any of them
};

// Applications holding unrevoked, unexpired tokens of `user_id`, newest grant first.
std::vector<AuthorizedApplication> list(Connection& c, int64_t user_id, int64_t now);
// Revokes every live token `user_id` gave `application_id`; returns their ids.
std::vector<int64_t> revoke(Connection& c, int64_t application_id, int64_t user_id, int64_t now);

}  // namespace agora::store::authorized_applications
