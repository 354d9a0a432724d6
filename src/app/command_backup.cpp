// agora backup create --to DIR|s3://BUCKET/PREFIX [--keep N] | verify FROM | restore FROM [--data-dir DIR] [--force]
#include <sys/stat.h>

#include <cstdio>

#include "app/cli.h"
#include "core/backup_storage.h"
#include "services/backup.h"

namespace agora::app {

namespace {

namespace backup = services::backup;

constexpr const char* kUsage =
    "usage: agora backup create --to DIR|s3://BUCKET/PREFIX [--keep N] | verify FROM | restore FROM [--data-dir DIR]"
    " [--force]";

int keep_option(const Args& args) {
  auto keep = args.get("--keep");
  if (!keep) return 0;
  try {
    size_t used = 0;
    int n = std::stoi(*keep, &used);
    if (used == keep->size() && n >= 1 && n <= 100000) return n;
  } catch (const std::exception&) {
  }
  throw UsageError("--keep takes the number of backups to keep (1 or more)");
}

std::filesystem::path location(const std::string& text) {
  if (text.empty()) throw UsageError(kUsage);
  return text;
}

std::map<std::string, std::string> settings_of(const Args& args) {
  std::optional<std::filesystem::path> file;
  if (auto f = args.get("--config")) file = *f;
  return gather_settings(file);
}

int create(const Args& args) {
  auto to = args.get("--to");
  if (!to || !args.positional.empty()) throw UsageError(kUsage);
  backup::CreateOptions options{location(*to)};
  options.keep = keep_option(args);
  if (auto file = args.get("--config")) options.config_file = *file;
  std::optional<backup::S3Location> s3;
  if (backup::is_s3_location(*to)) s3 = backup::parse_s3_location(*to);
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  backup::Created created = s3 ? backup::create_s3_backup(rt.config, *rt.db, *s3,
                                                          backup_bucket_storage(rt.config, settings_of(args)), options)
                               : backup::create_backup(rt.config, *rt.db, options);
  std::printf("Backup written to %s (%zu files, schema %s)\n", created.path.c_str(), created.manifest.files.size(),
              created.manifest.schema_level.c_str());
  for (const auto& name : created.removed) std::printf("Removed old backup %s\n", name.c_str());
  return 0;
}

int verify(const Args& args) {
  if (args.positional.size() != 1) throw UsageError(kUsage);
  const std::string& from = args.positional[0];
  // Only the settings, and only when a bucket is involved: a copied backup verifies anywhere.
  backup::Manifest m;
  if (backup::is_s3_location(from)) {
    auto settings = settings_of(args);
    Config config = load_config(settings);
    m = backup::verify_s3_backup(config, backup::parse_s3_location(from), backup_bucket_storage(config, settings));
  } else {
    m = backup::verify_backup(location(from));
    if (m.media == "s3") backup::check_media_objects(load_config(settings_of(args)), location(from));
  }
  std::printf("Backup OK: %zu files, %s database at schema %s, made %s by agora %s\n", m.files.size(),
              m.database.c_str(), m.schema_level.c_str(), m.created_at.c_str(), m.agora_version.c_str());
  return 0;
}

int restore(const Args& args) {
  if (args.positional.size() != 1) throw UsageError(kUsage);
  auto settings = settings_of(args);
  if (auto dir = args.get("--data-dir")) settings["AGORA_DATA_DIR"] = *dir;
  Config config = load_config(settings);
  ::umask(077);  // the restored data is as private as agora's own
  const std::string& from = args.positional[0];
  if (backup::is_s3_location(from))
    backup::restore_s3_backup(config, backup::parse_s3_location(from), backup_bucket_storage(config, settings),
                              {{}, args.flag("--force")});
  else
    backup::restore_backup(config, {location(from), args.flag("--force")});
  std::printf("Restored into %s\n", config.data_dir.c_str());
  return 0;
}

}  // namespace

int command_backup(const Args& args) {
  if (args.positional.empty()) throw UsageError(kUsage);
  std::string action = args.positional[0];
  Args rest = args;
  rest.positional.erase(rest.positional.begin());
  bool creating = action == "create", restoring = action == "restore";
  if ((args.get("--to") || args.get("--keep")) && !creating) throw UsageError("--to and --keep go with backup create");
  if ((args.get("--data-dir") || args.flag("--force")) && !restoring)
    throw UsageError("--data-dir and --force go with backup restore");
  try {
    if (creating) return create(rest);
    if (action == "verify") return verify(rest);
    if (restoring) return restore(rest);
  } catch (const backup::BackupError& e) {
    std::fprintf(stderr, "Failure/Error: %s\n", e.what());
    return 1;
  }
  throw UsageError(kUsage);
}

}  // namespace agora::app
