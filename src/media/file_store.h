// Stored files on the local filesystem under DATA_DIR/system, served by
// agora itself at /system/KEY.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "media/storage.h"

namespace agora::media {

class FileStore final : public Storage {
 public:
  explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}

  // Writes the file atomically (a temporary file renamed into place); the
  // content type follows from the key's extension when served.
  void put(std::string_view key, std::string_view bytes, std::string_view content_type) const override;
  // Refuses symlinks and anything but regular files.
  std::optional<std::string> read(std::string_view key, size_t max_bytes = 64 * 1024 * 1024) const override;
  void remove(std::string_view key) const noexcept override;

 private:
  std::filesystem::path root_;
};

}  // namespace agora::media
