#include "services/profile_images.h"

#include "core/crypto.h"
#include "media/images.h"
#include "model/profile_images.h"

namespace agora::services {

std::string store_profile_image(const media::Storage& storage, const std::string& dir, const media::Rendition& image,
                                int64_t still_pixels) {
  std::string key = model::profile_image_key(dir, crypto::random_token(8) + "." + image.extension);
  if (!model::has_still(key)) {
    storage.put(key, image.bytes, image.mime);
    return key;
  }
  // The still first: a failure then leaves nothing behind.
  auto still = media::preview_image(image.bytes, image.mime, /*png=*/true, still_pixels).small;
  storage.put(model::still_key(key), still.bytes, still.mime);
  try {
    storage.put(key, image.bytes, image.mime);
  } catch (...) {
    storage.remove(model::still_key(key));
    throw;
  }
  return key;
}

void remove_profile_image_files(const media::Storage& storage, const std::string& key) noexcept {
  for (const auto& file : model::profile_image_files(key)) storage.remove(file);
}

}  // namespace agora::services
