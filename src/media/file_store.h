// Stored files (avatars, headers; later media attachments) on the local
// filesystem under DATA_DIR/system, addressed by keys such as
// "accounts/avatars/123/9f86d081884c7d65.png" and served at /system/KEY.
// Keys are checked on every call, so a hostile key never leaves the root.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace agora::media {

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}

  // Writes the file atomically (a temporary file renamed into place).
  // Throws std::runtime_error on I/O failure or an invalid key.
  void put(std::string_view key, std::string_view bytes) const;
  // The file's bytes; nullopt when the key is invalid, the file is missing,
  // not a regular file (symlinks are refused) or larger than `max_bytes`.
  std::optional<std::string> read(std::string_view key, size_t max_bytes = 64 * 1024 * 1024) const;
  // Removes the file if it exists; never throws.
  void remove(std::string_view key) const noexcept;

  // "a/b/c.png": segments of letters, digits, '_', '-' and '.', none empty
  // or starting with '.', at most 512 bytes in all.
  static bool valid_key(std::string_view key);

 private:
  std::filesystem::path root_;
};

}  // namespace agora::media
