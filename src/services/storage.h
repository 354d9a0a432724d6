// Where stored files (avatars, headers, media) live for this instance.
#pragma once
#include "media/file_store.h"
#include "services/context.h"

namespace agora::services {

inline media::FileStore file_store(const Context& ctx) { return media::FileStore(ctx.config.data_dir / "system"); }

}  // namespace agora::services
