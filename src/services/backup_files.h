// File work for backups: copies that hash what they write and report a full
// disk as such, and checks of a copy against its manifest entry.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "services/backup_manifest.h"

namespace agora::services::backup {

// Copies `from` to `root/relative` (creating directories) and returns its
// entry; the copy is flushed to disk. Throws BackupError naming the file and
// the system's reason ("No space left on device").
FileEntry copy_in(const std::filesystem::path& from, const std::filesystem::path& root, const std::string& relative);
// Writes `bytes` to `path` and flushes it; throws BackupError.
void write_file_synced(const std::filesystem::path& path, std::string_view bytes);
// The entry of a file already inside the backup.
FileEntry describe(const std::filesystem::path& root, const std::string& relative);
// Throws BackupError when root/entry.path is missing, not a regular file, or
// differs in size or SHA-256.
void check_entry(const std::filesystem::path& root, const FileEntry& entry);
// Reads a small file (a manifest) up to `max_bytes`; throws BackupError.
std::string read_small_file(const std::filesystem::path& path, size_t max_bytes);

}  // namespace agora::services::backup
