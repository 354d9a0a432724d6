// The images accounts show until they upload their own, served at
// /avatars/original/missing.png and /headers/original/missing.png as Mastodon does.
#pragma once
#include <string_view>

namespace agora::media {

std::string_view missing_avatar_png();
std::string_view missing_header_png();

}  // namespace agora::media
