// A backup's manifest.json: what the backup is (format, agora version, schema
// level, database kind, when) and every file in it with its size and SHA-256,
// so a copy can be checked file by file before anything is restored.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace agora::services::backup {

// A backup that cannot be made, read or restored; the message says why.
struct BackupError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr int kManifestFormat = 1;
inline constexpr std::string_view kManifestName = "manifest.json";

struct FileEntry {
  std::string path;  // relative to the backup, "media/accounts/avatars/1/x.png"
  uint64_t size = 0;
  std::string sha256;  // lower-case hex
};

struct Manifest {
  int format = kManifestFormat;
  std::string agora_version;
  std::string schema_level;  // newest applied migration, "0020"
  std::string database;      // "sqlite" or "postgres"
  std::string media;         // "files" (copied under media/) or "s3" (listed in media-objects.json)
  std::string created_at;    // ISO 8601, UTC
  std::vector<FileEntry> files;
};

std::string render_manifest(const Manifest& m);
// Refuses anything but a complete manifest of a known format: a truncated or
// edited file, unknown kinds, paths leaving the backup, duplicate paths.
Manifest parse_manifest(std::string_view json);

// "database.sqlite3", "media/a/b.png": plain segments only (no "..", no
// leading "/" or ".", no empty segment), at most 1024 bytes.
bool valid_backup_path(std::string_view path);

}  // namespace agora::services::backup
