// Where stored files (avatars, headers, emoji, media) live for this instance.
#pragma once
#include <memory>
#include <string>

#include "media/image_type.h"
#include "media/storage.h"
#include "services/context.h"

namespace agora::services {

// The configured store: local files under DATA_DIR/system (served at /system/KEY).
std::unique_ptr<media::Storage> file_storage(const Context& ctx);

// A fresh random file name with the extension of what the file really is
// ("9f86d081884c7d65.png"): a new upload never reuses a cached URL.
std::string new_file_name(media::ImageType type);

}  // namespace agora::services
