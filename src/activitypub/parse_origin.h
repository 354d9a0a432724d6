// Origins of URLs, for the rule that an activity may only speak for objects on
// its actor's own server.
#pragma once
#include <string>
#include <string_view>

namespace agora::activitypub {

// The lower-cased host of an absolute http(s) URL ("" when it is not one).
std::string host_of(std::string_view url);
// Same scheme, host (case-insensitive) and port (default ports made explicit).
// False when either side is not an absolute http(s) URL.
bool same_origin(std::string_view url_a, std::string_view url_b);

}  // namespace agora::activitypub
