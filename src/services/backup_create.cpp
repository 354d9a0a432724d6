// agora backup create: database snapshot, configuration and stored files,
// assembled in a hidden directory and renamed into place when complete.
#include <algorithm>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "core/log.h"
#include "core/time.h"
#include "core/version.h"
#include "services/backup.h"
#include "services/backup_files.h"
#include "services/backup_media_objects.h"
#include "services/backup_postgres.h"
#include "store/snapshots.h"

namespace agora::services::backup {

namespace fs = std::filesystem;

namespace {

void make_private_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw BackupError("cannot create " + dir.string() + ": " + ec.message());
}

// A name no backup in `target` has yet (partial ones included).
std::string unused_name_in(const fs::path& target, int64_t ms) {
  std::vector<std::string> taken;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target, ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(".partial-")) name.erase(0, 9);
    taken.push_back(std::move(name));
  }
  return unused_name(backup_name(ms), taken);
}

FileEntry snapshot_database(const Config& config, const fs::path& dir, std::chrono::seconds timeout) {
  if (config.uses_sqlite()) {
    try {
      store::snapshots::copy_sqlite(config.sqlite_path(), (dir / "database.sqlite3").string());
    } catch (const store::DatabaseError& e) {
      throw BackupError(e.what());
    }
    return describe(dir, "database.sqlite3");
  }
  dump_postgres(config.database_url, dir / "database.pgdump", timeout);
  return describe(dir, "database.pgdump");
}

// Every stored file under DATA_DIR/system (keys never start with '.': those are files being written).
void copy_local_files(const fs::path& system, const fs::path& dir, std::vector<FileEntry>& files) {
  std::error_code ec;
  if (!fs::is_directory(system, ec)) return;
  std::vector<std::string> keys;
  for (auto it = fs::recursive_directory_iterator(system, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file() || it->is_symlink()) continue;
    std::string key = fs::relative(it->path(), system).generic_string();
    if (!valid_backup_path(key)) {
      if (key.find("/.") == std::string::npos && !key.starts_with(".")) log::warn("backup skips {}", key);
      continue;
    }
    keys.push_back(std::move(key));
  }
  if (ec) throw BackupError("cannot list " + system.string() + ": " + ec.message());
  for (const auto& key : keys) {
    // A file deleted since the listing (a replaced avatar) is no loss: the snapshot came first.
    if (!fs::exists(system / key)) continue;
    files.push_back(copy_in(system / key, dir, "media/" + key));
  }
}

}  // namespace

std::string unused_name(const std::string& base, const std::vector<std::string>& taken) {
  int highest = 0;  // 1 for the plain name, n for "-n"
  for (const auto& name : taken) {
    if (name == base) highest = std::max(highest, 1);
    else if (name.starts_with(base + "-")) {
      auto rest = name.substr(base.size() + 1);
      if (!rest.empty() && rest.size() < 6 && rest.find_first_not_of("0123456789") == std::string::npos)
        highest = std::max(highest, std::stoi(rest));
    }
  }
  return highest == 0 ? base : base + "-" + std::to_string(highest + 1);
}

std::string backup_name(int64_t ms) {
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "agora-backup-%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

Created create_backup(const Config& config, store::Database& db, const CreateOptions& options) {
  make_private_directory(options.target);
  int64_t now = now_ms();
  std::string name = unused_name_in(options.target, now);
  fs::path partial = options.target / (".partial-" + name);
  if (::mkdir(partial.c_str(), 0700) != 0)
    throw BackupError("cannot create " + partial.string() + ": " + std::strerror(errno));
  Created out;
  try {
    Manifest& m = out.manifest;
    m.agora_version = kAgoraVersion;
    m.database = config.uses_sqlite() ? "sqlite" : "postgres";
    m.media = config.s3.enabled() ? "s3" : "files";
    m.created_at = format_iso8601(now);
    {
      auto conn = db.acquire();
      m.schema_level = store::snapshots::schema_level(*conn);
    }
    m.files.push_back(snapshot_database(config, partial, options.dump_timeout));
    if (options.config_file) m.files.push_back(copy_in(*options.config_file, partial, "config.env"));
    if (config.s3.enabled())
      m.files.push_back(write_media_objects(config.s3, partial, options.skip_media_prefix));
    else
      copy_local_files(config.data_dir / "system", partial, m.files);
    write_file_synced(partial / kManifestName, render_manifest(m));
    std::error_code ec;
    fs::rename(partial, options.target / name, ec);
    if (ec) throw BackupError("cannot move the backup into place: " + ec.message());
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    throw;
  }
  out.path = options.target / name;
  if (options.keep > 0) out.removed = remove_old_backups(options.target, options.keep);
  return out;
}

}  // namespace agora::services::backup
