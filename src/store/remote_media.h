// Attachments of remote statuses, first as links to the originals (the
// cache, services/remote_media_cache.h, then fetches and processes them).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::remote_media {

struct Attachment {
  std::string type;  // image, video, audio, unknown
  std::string content_type;
  std::string remote_url;
  std::string thumbnail_remote_url;  // the Document's `icon`, if any
  std::string description;
  std::string blurhash;
  std::optional<double> focus_x, focus_y;
};

// Returns the new row's id.
int64_t insert(Connection& c, int64_t account_id, int64_t status_id, int position, const Attachment& a, int64_t now_ms);

}  // namespace agora::store::remote_media
