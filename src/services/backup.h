// Backups of a whole instance (agora backup create | verify | restore): the
// database as one consistent snapshot taken while the server runs, the
// configuration file, and the stored files (or, with S3, a list of the
// objects the database refers to). Layout and guarantees: docs/backups.md.
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "services/backup_manifest.h"
#include "store/database.h"

namespace agora::services::backup {

struct CreateOptions {
  std::filesystem::path target;                     // the directory that collects backups
  std::optional<std::filesystem::path> config_file;  // copied as config.env
  int keep = 0;                                      // > 0: afterwards keep only the newest `keep` backups
  std::chrono::seconds dump_timeout{std::chrono::hours(6)};
  // With media in S3: keys under this prefix are backups, not media (a backup bucket shared with the media).
  std::string skip_media_prefix;
};

struct Created {
  std::filesystem::path path;  // target/agora-backup-20261126T210000Z
  Manifest manifest;
  std::vector<std::string> removed;  // names of older backups removed by `keep`
};

// Writes a new backup into a hidden directory inside the target and renames
// it into place once complete; on any failure nothing of it is left.
Created create_backup(const Config& config, store::Database& db, const CreateOptions& options);

// Reads the manifest and checks every file it lists; returns the manifest or
// throws BackupError saying what is wrong.
Manifest verify_backup(const std::filesystem::path& backup);

struct RestoreOptions {
  std::filesystem::path from;
  bool force = false;  // replace a data directory or database that is not empty
  std::chrono::seconds restore_timeout{std::chrono::hours(6)};
};
// Restores into `config`'s data directory and database: verified first,
// refused when newer than this agora's schema, assembled beside the data
// directory and moved into place at the end, then migrated to this agora.
void restore_backup(const Config& config, const RestoreOptions& options);

// Removes all but the newest `keep` complete backups in `target`; returns the
// names removed, oldest first.
std::vector<std::string> remove_old_backups(const std::filesystem::path& target, int keep);

// `base`, or base-N sorting after every name in `taken` made within the same
// second: a suffix freed by retention is not reused, or the newest backup
// would sort as the oldest.
std::string unused_name(const std::string& base, const std::vector<std::string>& taken);
// Backup names from oldest to newest.
void sort_backup_names(std::vector<std::string>& names);

// Backups kept in an S3 bucket (agora backup … s3://BUCKET/PREFIX), made,
// checked and restored through a local copy; see backup_s3.cpp.
struct S3Location {
  std::string bucket;
  std::string prefix;  // "" or "a/b" (no slash at either end)
  std::string key(const std::string& relative) const { return prefix.empty() ? relative : prefix + "/" + relative; }
};
bool is_s3_location(std::string_view text);
// Throws BackupError for a malformed location.
S3Location parse_s3_location(std::string_view text);
// `access` is how the bucket is reached (core/backup_storage.h: AGORA_BACKUP_S3_*, else AGORA_S3_*).
// The backup goes to PREFIX/NAME/…, its manifest last; `keep` counts the backups under PREFIX.
Created create_s3_backup(const Config& config, store::Database& db, const S3Location& to,
                         const ObjectStorageSettings& access, const CreateOptions& options);
// `at` names one backup (PREFIX/NAME). Downloads and checks every file.
Manifest verify_s3_backup(const Config& config, const S3Location& at, const ObjectStorageSettings& access);
void restore_s3_backup(const Config& config, const S3Location& from, const ObjectStorageSettings& access,
                       const RestoreOptions& options);

// With media in S3 the backup lists the bucket's objects (media-objects.json)
// instead of copying them; this checks they are all still there, unchanged.
void check_media_objects(const Config& config, const std::filesystem::path& backup);

// "agora-backup-20261126T210000Z" for that moment (UTC).
std::string backup_name(int64_t ms);
// Whether `name` is one backup_name made (with an optional "-N" for a second
// backup within the same second).
bool is_backup_name(std::string_view name);

}  // namespace agora::services::backup
