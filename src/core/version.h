#pragma once
#include <string>

namespace agora {

inline constexpr const char* kAgoraVersion = AGORA_VERSION;
// Clients gate features on the Mastodon version they see, so agora announces
// the Mastodon API level it implements, and itself in parentheses.
inline constexpr const char* kMastodonApiVersion = "4.3.0";
inline constexpr const char* kSourceUrl = "https://github.com/agora-social/agora";

std::string compatible_version_string();  // "4.3.0 (compatible; agora 0.1.0)"

}  // namespace agora
