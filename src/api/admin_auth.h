// The caller of an admin endpoint: Mastodon's authorize_if_got_token! with the
// endpoint's admin scope ("admin:read:accounts", which "admin:read" covers;
// 403 for a token without it), then the member and their role; each
// handler's service then asks `services::can`.
#pragma once
#include <string_view>

#include "http/request.h"
#include "services/roles.h"

namespace agora::api {

services::Staff require_staff(services::Context& ctx, const http::Request& req, std::string_view scope);

}  // namespace agora::api
