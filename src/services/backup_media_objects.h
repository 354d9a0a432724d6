// media-objects.json: with files in S3, a backup lists the media bucket's
// objects (key, size, ETag) instead of copying them; verify and restore
// check that every listed object is still there, unchanged.
#pragma once
#include <filesystem>
#include <string>

#include "core/config.h"
#include "services/backup_manifest.h"

namespace agora::services::backup {

inline constexpr std::string_view kMediaObjectsName = "media-objects.json";

// Lists the bucket (skipping keys under `skip_prefix`, when not empty) into
// dir/media-objects.json and returns its manifest entry. Throws BackupError.
FileEntry write_media_objects(const ObjectStorageSettings& media, const std::filesystem::path& dir,
                              const std::string& skip_prefix);

}  // namespace agora::services::backup
