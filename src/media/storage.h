// Where stored files (avatars, headers, emoji, media attachments) live:
// local files (FileStore) or S3-compatible object storage. Keys look like
// "accounts/avatars/123/9f86d081884c7d65.png"; every implementation checks
// them with valid_storage_key, so a hostile key never escapes its root.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace agora::media {

class Storage {
 public:
  virtual ~Storage() = default;

  // Stores the bytes under the key, replacing any file there; a reader never
  // sees half a file. Throws std::runtime_error on failure or an invalid key.
  virtual void put(std::string_view key, std::string_view bytes, std::string_view content_type) const = 0;
  // The file's bytes; nullopt when the key is invalid, the file is missing or
  // larger than `max_bytes`.
  virtual std::optional<std::string> read(std::string_view key, size_t max_bytes = 64 * 1024 * 1024) const = 0;
  // Removes the file if it exists; never throws.
  virtual void remove(std::string_view key) const noexcept = 0;
};

// "a/b/c.png": segments of letters, digits, '_', '-' and '.', none empty
// or starting with '.', at most 512 bytes in all.
bool valid_storage_key(std::string_view key);

}  // namespace agora::media
