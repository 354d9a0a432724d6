// Where stored files (avatars, headers, emoji, media) live for this instance.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "media/image_type.h"
#include "media/storage.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

// The configured store: an S3 bucket when AGORA_S3_BUCKET is set, otherwise
// local files under DATA_DIR/system (served by agora at /system/KEY).
// Cheap to make: a store holds only its settings.
std::unique_ptr<media::Storage> file_storage(const Context& ctx);

// Removes stored files (after the rows naming them were deleted); failures are logged.
void remove_stored_files(const Context& ctx, const std::vector<std::string>& keys);
// Enqueues, in c's transaction, remove_stored_files for files whose rows the
// transaction deletes: committed with the deletion, a crash right after the
// commit cannot orphan them (the "remove_stored_files" job).
void remove_stored_files_later(store::Connection& c, const std::vector<std::string>& keys);

// Where clients fetch stored files: BASE_URL/system locally; with S3 the
// alias host (CDN) or the bucket's public URL. File URLs are this + "/" + key.
std::string files_base_url(const Config& config);

// A fresh random file name with the extension of what the file really is
// ("9f86d081884c7d65.png"): a new upload never reuses a cached URL.
std::string new_file_name(media::ImageType type);

}  // namespace agora::services
