// BlurHash (https://blurha.sh): a short string that clients decode into a
// blurred placeholder while the image loads. Mastodon uses 4x4 components.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace agora::media {

// `rgb` holds width*height pixels of 3 bytes (sRGB, row by row).
// Components are 1..9 each way. Throws std::invalid_argument on bad sizes.
std::string blurhash_encode(const std::vector<uint8_t>& rgb, int width, int height, int x_components = 4,
                            int y_components = 4);

}  // namespace agora::media
