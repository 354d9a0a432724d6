// OAuth documents: the token endpoint's answer (Mastodon's Token entity) and
// the authorization server metadata (RFC 8414) as Mastodon 4.3 publishes it.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>


namespace agora::entities {

// {"access_token","token_type":"Bearer","scope","created_at" (Unix seconds)}.
boost::json::object token(const std::string& access_token, const std::string& scopes, int64_t created_at_ms);

boost::json::object oauth_metadata(const std::string& base_url, std::span<const std::string_view> scopes);

}  // namespace agora::entities
