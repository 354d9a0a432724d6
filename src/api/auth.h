// Authentication for API handlers: the bearer token (Authorization header or
// access_token parameter, as Doorkeeper reads it) and the scope a handler needs.
#pragma once
#include <initializer_list>
#include <optional>
#include <string_view>

#include "http/request.h"
#include "http/response.h"
#include "services/auth.h"

namespace agora::api {

std::optional<std::string> bearer_token(const http::Request& req);

// The caller if a token was sent (401 if that token is bad), else nullopt.
std::optional<services::Auth> optional_auth(services::Context& ctx, const http::Request& req);
// Mastodon's authorize_if_got_token!: as optional_auth, and a token that was
// sent must carry one of `scopes` (403 otherwise).
std::optional<services::Auth> optional_auth(services::Context& ctx, const http::Request& req,
                                            std::initializer_list<std::string_view> scopes);
// Any valid token (an app's or a member's) with one of `scopes` (403 otherwise).
services::Auth require_token(services::Context& ctx, const http::Request& req,
                             std::initializer_list<std::string_view> scopes);
// Mastodon's authorize_if_got_token!: nobody if no token was sent; otherwise
// the token must be valid (401) and carry one of `scopes` (403).
std::optional<services::Auth> authorize_if_token(services::Context& ctx, const http::Request& req,
                                                 std::initializer_list<std::string_view> scopes);
// A member's token with one of `scopes`, whose login is usable.
services::Auth require_user(services::Context& ctx, const http::Request& req,
                            std::initializer_list<std::string_view> scopes);

// Mastodon's cache_if_unauthenticated!: answers to anonymous requests may be cached briefly.
http::Response cache_if_unauthenticated(http::Response r, const std::optional<services::Auth>& auth);

}  // namespace agora::api
