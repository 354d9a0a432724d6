// Storing and removing avatars and headers with the still a GIF gets
// (model/profile_images.h), for local uploads and cached remote images alike.
#pragma once
#include <cstdint>
#include <string>

#include "media/processing.h"
#include "media/storage.h"

namespace agora::services {

// Stores `image` under `dir` with a fresh name; a GIF also gets its still (a PNG of at most `still_pixels`,
// through libvips). Returns the image's key. Throws (media::Refused, storage errors) with nothing left stored.
std::string store_profile_image(const media::Storage& storage, const std::string& dir, const media::Rendition& image,
                                int64_t still_pixels);
// Removes the image at `key` and its still; never throws.
void remove_profile_image_files(const media::Storage& storage, const std::string& key) noexcept;

}  // namespace agora::services
