// Backups in an S3 bucket: made as a local backup in a private staging
// directory, uploaded file by file with the manifest last (so a backup
// without a manifest is one that never finished), checked by downloading
// and hashing every file, restored by downloading into a staging directory
// and restoring from there. Endpoint and credentials: AGORA_BACKUP_S3_*, else AGORA_S3_*.
#include <map>

#include "core/crypto.h"
#include "core/log.h"
#include "media/s3_store.h"
#include "services/backup.h"
#include "services/backup_files.h"

namespace agora::services::backup {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxObjectBytes = size_t{8} * 1024 * 1024 * 1024;  // one file of a backup, read whole

media::S3Store bucket_store(const ObjectStorageSettings& access, const std::string& bucket) {
  if (access.access_key_id.empty() || access.secret_access_key.empty())
    throw BackupError(
        "backups to S3 need credentials: set AGORA_BACKUP_S3_ACCESS_KEY_ID and AGORA_BACKUP_S3_SECRET_ACCESS_KEY "
        "(and AGORA_BACKUP_S3_ENDPOINT unless the bucket is on AWS), or use object storage (AGORA_S3_*)");
  ObjectStorageSettings settings = access;
  settings.bucket = bucket;
  settings.permission.clear();
  return media::S3Store(settings);
}

// Whether `bucket` reached through `access` is the one holding the instance's media.
bool is_media_bucket(const Config& config, const ObjectStorageSettings& access, const std::string& bucket) {
  return config.s3.enabled() && bucket == config.s3.bucket && access.endpoint == config.s3.endpoint;
}

// A private directory inside `base`, removed when it goes out of scope.
struct Staging {
  fs::path path;
  Staging(const fs::path& base, const std::string& what) {
    path = base / (".backup-" + what + "-" + crypto::random_token(6));
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) throw BackupError("cannot create " + path.string() + ": " + ec.message());
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  ~Staging() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// Restores replace the data directory, so what they download waits beside it.
fs::path beside_data_dir(const Config& config) {
  return fs::absolute(config.data_dir).lexically_normal().parent_path();
}

template <class F>
auto s3_call(F&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const BackupError&) {
    throw;
  } catch (const std::exception& e) {
    throw BackupError(std::string("S3: ") + e.what());
  }
}

// Complete backups under the location's prefix (name -> its keys).
std::map<std::string, std::vector<std::string>> backups_under(const media::S3Store& store, const S3Location& at,
                                                              std::vector<std::string>* all_names) {
  std::string prefix = at.prefix.empty() ? "" : at.prefix + "/";
  std::map<std::string, std::vector<std::string>> keys;
  std::map<std::string, bool> complete;
  for (const auto& o : s3_call([&] { return store.list(prefix); })) {
    std::string rest = o.key.substr(prefix.size());
    auto slash = rest.find('/');
    if (slash == std::string::npos) continue;
    std::string name = rest.substr(0, slash);
    if (!is_backup_name(name)) continue;
    keys[name].push_back(o.key);
    if (rest.substr(slash + 1) == kManifestName) complete[name] = true;
  }
  if (all_names)
    for (const auto& [name, _] : keys) all_names->push_back(name);
  std::erase_if(keys, [&](const auto& entry) { return !complete[entry.first]; });
  return keys;
}

std::vector<std::string> remove_old_s3_backups(const media::S3Store& store, const S3Location& at, int keep) {
  auto backups = backups_under(store, at, nullptr);
  std::vector<std::string> names;
  for (const auto& [name, _] : backups) names.push_back(name);
  sort_backup_names(names);
  std::vector<std::string> removed;
  for (size_t i = 0; i + keep < names.size(); ++i) {
    // The manifest first: a half-removed backup no longer counts as one.
    auto& keys = backups[names[i]];
    std::string manifest = at.key(names[i] + "/" + std::string(kManifestName));
    s3_call([&] { store.remove_checked(manifest); });
    for (const auto& key : keys)
      if (key != manifest) s3_call([&] { store.remove_checked(key); });
    removed.push_back(names[i]);
  }
  return removed;
}

// Downloads the backup at `at` into `dir`, checking each file against the manifest.
Manifest download(const media::S3Store& store, const S3Location& at, const fs::path& dir) {
  auto manifest_text = s3_call([&] { return store.fetch(at.key(std::string(kManifestName)), 256 * 1024 * 1024); });
  if (!manifest_text)
    throw BackupError("no manifest.json at s3://" + at.bucket + "/" + at.prefix +
                      ": not a backup, or one that never finished");
  Manifest m = parse_manifest(*manifest_text);
  std::string database = m.database == "sqlite" ? "database.sqlite3" : "database.pgdump";
  bool has_database = false;
  for (const auto& f : m.files) has_database = has_database || f.path == database;
  if (!has_database) throw BackupError("the manifest lists no " + database);
  for (const auto& f : m.files) {
    auto bytes = s3_call([&] { return store.fetch(at.key(f.path), kMaxObjectBytes); });
    if (!bytes) throw BackupError("missing from the backup: " + f.path);
    fs::path target = dir / f.path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    write_file_synced(target, *bytes);
    check_entry(dir, f);
  }
  write_file_synced(dir / kManifestName, *manifest_text);
  return m;
}

}  // namespace

bool is_s3_location(std::string_view text) { return text.starts_with("s3://"); }

S3Location parse_s3_location(std::string_view text) {
  if (!is_s3_location(text)) throw BackupError("not an s3:// location: " + std::string(text));
  std::string rest(text.substr(5));
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  S3Location at;
  auto slash = rest.find('/');
  at.bucket = rest.substr(0, slash);
  if (slash != std::string::npos) at.prefix = rest.substr(slash + 1);
  bool bucket_ok = at.bucket.size() >= 3 && at.bucket.size() <= 63 &&
                   at.bucket.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos;
  if (!bucket_ok) throw BackupError("not an S3 bucket name in " + std::string(text));
  if (!at.prefix.empty() && !media::valid_storage_key(at.prefix))
    throw BackupError("not a usable S3 prefix in " + std::string(text) + " (letters, digits, '-', '_', '.' and '/')");
  return at;
}

Created create_s3_backup(const Config& config, store::Database& db, const S3Location& to,
                         const ObjectStorageSettings& access, const CreateOptions& options) {
  media::S3Store store = bucket_store(access, to.bucket);
  bool media_bucket = is_media_bucket(config, access, to.bucket);
  if (media_bucket && to.prefix.empty())
    throw BackupError("backups in the media bucket need a prefix: s3://" + to.bucket + "/backups");
  std::vector<std::string> taken;
  backups_under(store, to, &taken);
  Staging staging(config.data_dir, "upload");  // as private as the data it holds
  CreateOptions local = options;
  local.target = staging.path;
  local.keep = 0;
  if (media_bucket) local.skip_media_prefix = to.prefix + "/";
  Created made = create_backup(config, db, local);
  std::string name = unused_name(made.path.filename().string(), taken);
  S3Location at{to.bucket, to.key(name)};
  std::vector<std::string> uploaded;
  try {
    for (const auto& f : made.manifest.files) {
      std::string bytes = read_small_file(made.path / f.path, kMaxObjectBytes);
      s3_call([&] { store.put_private(at.key(f.path), bytes); });
      uploaded.push_back(at.key(f.path));
    }
    std::string manifest = read_small_file(made.path / kManifestName, 256 * 1024 * 1024);
    s3_call([&] { store.put_private(at.key(std::string(kManifestName)), manifest); });
  } catch (...) {
    for (const auto& key : uploaded) store.remove(key);
    throw;
  }
  Created out{fs::path("s3://" + to.bucket) / at.prefix, made.manifest, {}};
  if (options.keep > 0) out.removed = remove_old_s3_backups(store, to, options.keep);
  return out;
}

Manifest verify_s3_backup(const Config& config, const S3Location& at, const ObjectStorageSettings& access) {
  media::S3Store store = bucket_store(access, at.bucket);
  Staging staging(beside_data_dir(config), "verify");
  Manifest m = download(store, at, staging.path);
  if (m.media == "s3") check_media_objects(config, staging.path);
  return m;
}

void restore_s3_backup(const Config& config, const S3Location& from, const ObjectStorageSettings& access,
                       const RestoreOptions& options) {
  media::S3Store store = bucket_store(access, from.bucket);
  Staging staging(beside_data_dir(config), "download");
  download(store, from, staging.path);
  RestoreOptions local = options;
  local.from = staging.path;
  restore_backup(config, local);
}

}  // namespace agora::services::backup
