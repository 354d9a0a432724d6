// Where stored files (avatars, headers, media) live for this instance.
#pragma once
#include <string>

#include "media/file_store.h"
#include "media/image_type.h"
#include "services/context.h"

namespace agora::services {

inline media::FileStore file_store(const Context& ctx) { return media::FileStore(ctx.config.data_dir / "system"); }

// A fresh random file name with the extension of what the file really is
// ("9f86d081884c7d65.png"): a new upload never reuses a cached URL.
std::string new_file_name(media::ImageType type);

}  // namespace agora::services
