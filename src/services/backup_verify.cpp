// agora backup verify: the manifest is complete and every file it lists is
// there with its size and SHA-256.
#include "services/backup.h"
#include "services/backup_files.h"

namespace agora::services::backup {

namespace fs = std::filesystem;

Manifest verify_backup(const fs::path& backup) {
  std::error_code ec;
  if (!fs::is_directory(backup, ec)) throw BackupError("no backup at " + backup.string());
  fs::path manifest_path = backup / kManifestName;
  if (!fs::exists(manifest_path, ec))
    throw BackupError("no manifest.json in " + backup.string() + ": not a backup, or one that never finished");
  Manifest m = parse_manifest(read_small_file(manifest_path, 256 * 1024 * 1024));
  std::string database = m.database == "sqlite" ? "database.sqlite3" : "database.pgdump";
  bool has_database = false;
  for (const auto& f : m.files) has_database = has_database || f.path == database;
  if (!has_database) throw BackupError("the manifest lists no " + database);
  for (const auto& f : m.files) check_entry(backup, f);
  return m;
}

}  // namespace agora::services::backup
