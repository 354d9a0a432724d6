// Small string helpers shared across layers.
#pragma once
#include <string>
#include <string_view>

namespace agora {

// ASCII lower case (handles, e-mail addresses, schemes); other bytes unchanged.
std::string ascii_lower(std::string_view s);
// Percent-encodes everything but RFC 3986 unreserved characters, for one
// path segment (hashtag links, tag URLs).
std::string url_encode_segment(std::string_view s);

}  // namespace agora
