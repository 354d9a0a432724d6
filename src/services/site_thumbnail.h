// The server's picture: Mastodon's site upload "thumbnail" (set in its admin
// settings form), shown by /api/v1/instance and /api/v2/instance. Stored in
// two sizes with a blurhash; replacing or removing it deletes the old files.
// Both need manage_settings and are written to the audit log.
#pragma once
#include <string_view>

#include "model/instance.h"
#include "services/roles.h"

namespace agora::services {

// 422 for anything but a JPEG, PNG, GIF or WebP image up to 16 MB.
model::SiteThumbnail set_site_thumbnail(Context& ctx, const Staff& staff, std::string_view bytes);
// Back to the default picture; nothing to remove is fine.
void remove_site_thumbnail(Context& ctx, const Staff& staff);

}  // namespace agora::services
