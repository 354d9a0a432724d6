// Custom emoji on the staff side (Mastodon's Admin::CustomEmojisController):
// local and remote ones listed and filtered, uploaded, enabled or disabled,
// shown in or hidden from the picker, put in a category, a remote one copied
// to a local one, and deleted; manage_custom_emojis, each in the audit log.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "services/context.h"
#include "services/roles.h"
#include "store/admin_custom_emojis.h"

namespace agora::services::admin_custom_emojis {

using Emoji = store::admin_custom_emojis::Emoji;

// 403 without manage_custom_emojis (for every function here).
model::Paginated<Emoji> list(Context& ctx, const Staff& staff, const store::admin_custom_emojis::Filter& f,
                             const model::PageRequest& page);
Emoji show(Context& ctx, const Staff& staff, int64_t id);  // 404 if unknown
// The CLI's rules: PNG, GIF or WebP up to 256 KB, a free valid shortcode (422).
Emoji create(Context& ctx, const Staff& staff, const std::string& shortcode, const std::string& image,
             const std::string& category);
// Category at most 64 characters (422).
Emoji update(Context& ctx, const Staff& staff, int64_t id, const store::admin_custom_emojis::Changes& changes);
// A local emoji with the remote one's shortcode, image and category; 422 for
// a local one, one whose image is not cached, or a taken shortcode.
Emoji copy(Context& ctx, const Staff& staff, int64_t id);
void destroy(Context& ctx, const Staff& staff, int64_t id);

}  // namespace agora::services::admin_custom_emojis
