// agora backup restore: into an empty data directory (and an empty
// PostgreSQL database), assembled beside it and moved into place at the end.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "core/crypto.h"
#include "services/backup.h"
#include "services/backup_files.h"
#include "services/backup_postgres.h"
#include "store/migrations.h"
#include "store/snapshots.h"

namespace agora::services::backup {

namespace fs = std::filesystem;

namespace {

bool is_empty_directory(const fs::path& dir) {
  std::error_code ec;
  return !fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec));
}

void check_target(const Config& config, const Manifest& m, bool force) {
  std::string known = store::snapshots::known_schema_level();
  if (m.schema_level > known)
    throw BackupError("the backup is from a newer agora (schema " + m.schema_level + ", this agora knows up to " +
                      known + "): restore it with agora " + m.agora_version + " or later");
  if (m.database == "sqlite" && !config.uses_sqlite())
    throw BackupError("the backup holds a SQLite database but AGORA_DATABASE_URL names PostgreSQL");
  if (m.database == "postgres" && config.uses_sqlite())
    throw BackupError("the backup holds a PostgreSQL database: set AGORA_DATABASE_URL to an empty PostgreSQL database");
  if (config.uses_sqlite() && fs::path(config.sqlite_path()) != config.data_dir / "agora.sqlite3")
    throw BackupError("a SQLite backup is restored to DATA_DIR/agora.sqlite3: leave AGORA_DATABASE_URL unset");
  if (!force && !is_empty_directory(config.data_dir))
    throw BackupError("the data directory " + config.data_dir.string() +
                      " is not empty: restore into a fresh one, or pass --force to replace it");
  if (!config.uses_sqlite()) {
    auto conn = store::open_postgres(config.database_url);
    if (!force && !store::snapshots::is_empty(*conn))
      throw BackupError("the PostgreSQL database is not empty: restore into a fresh one, or pass --force");
  }
}

// A copy that must come out as the manifest says (the backup could change under us).
void copy_checked(const fs::path& from_root, const FileEntry& entry, const fs::path& to_root,
                  const std::string& relative) {
  FileEntry copied = copy_in(from_root / entry.path, to_root, relative);
  if (copied.size != entry.size || copied.sha256 != entry.sha256)
    throw BackupError("the backup changed while it was restored: " + entry.path);
}

void migrate(const std::string& url) {
  auto conn = url.starts_with("sqlite:") ? store::open_sqlite(url.substr(7)) : store::open_postgres(url);
  store::migrate(*conn);
}

// Puts the assembled directory where the data directory is; a replaced one goes only once that worked.
void move_into_place(const fs::path& staging, const fs::path& data_dir) {
  std::error_code ec;
  fs::path replaced;
  if (fs::exists(data_dir, ec)) {
    replaced = data_dir.parent_path() / (".replaced-" + data_dir.filename().string() + "-" + crypto::random_token(6));
    fs::rename(data_dir, replaced, ec);
    if (ec) throw BackupError("cannot move " + data_dir.string() + " aside: " + ec.message());
  }
  fs::rename(staging, data_dir, ec);
  if (ec) {
    std::error_code ignored;
    if (!replaced.empty()) fs::rename(replaced, data_dir, ignored);
    throw BackupError("cannot move the restored data into " + data_dir.string() + ": " + ec.message());
  }
  if (!replaced.empty()) fs::remove_all(replaced, ec);
}

}  // namespace

void restore_backup(const Config& config, const RestoreOptions& options) {
  Manifest m = verify_backup(options.from);
  if (m.media == "s3") check_media_objects(config, options.from);
  check_target(config, m, options.force);
  fs::path data_dir = fs::absolute(config.data_dir).lexically_normal();
  std::error_code ec;
  fs::create_directories(data_dir.parent_path(), ec);
  fs::path staging = data_dir.parent_path() / (".restore-" + data_dir.filename().string() + "-" + crypto::random_token(6));
  if (::mkdir(staging.c_str(), 0700) != 0)
    throw BackupError("cannot create " + staging.string() + ": " + std::strerror(errno));
  try {
    for (const auto& f : m.files) {
      if (f.path == "database.sqlite3") copy_checked(options.from, f, staging, "agora.sqlite3");
      else if (f.path == "config.env") copy_checked(options.from, f, staging, "config.env");
      else if (f.path.starts_with("media/")) copy_checked(options.from, f, staging, "system/" + f.path.substr(6));
    }
    if (m.database == "sqlite") {
      migrate("sqlite:" + (staging / "agora.sqlite3").string());
    } else {
      // Last, so a failure before it leaves the database untouched; one transaction, so all or nothing.
      restore_postgres(config.database_url, options.from / "database.pgdump", options.force, options.restore_timeout);
      migrate(config.database_url);
    }
    move_into_place(staging, data_dir);
  } catch (const store::DatabaseError& e) {
    fs::remove_all(staging, ec);
    throw BackupError(e.what());
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
}

}  // namespace agora::services::backup
