#include "services/backup_media_objects.h"

#include <boost/json.hpp>

#include <map>

#include "media/s3_store.h"
#include "services/backup.h"
#include "services/backup_files.h"

namespace agora::services::backup {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::vector<media::S3Store::Object> list_bucket(const ObjectStorageSettings& settings) {
  try {
    return media::S3Store(settings).list("");
  } catch (const std::exception& e) {
    throw BackupError(std::string("cannot list the media bucket: ") + e.what());
  }
}

}  // namespace

FileEntry write_media_objects(const ObjectStorageSettings& media, const fs::path& dir, const std::string& skip_prefix) {
  json::array objects;
  for (const auto& o : list_bucket(media)) {
    if (!skip_prefix.empty() && o.key.starts_with(skip_prefix)) continue;
    objects.push_back(json::object{{"key", o.key}, {"size", o.size}, {"etag", o.etag}});
  }
  json::object doc{{"bucket", media.bucket}, {"objects", std::move(objects)}};
  write_file_synced(dir / kMediaObjectsName, json::serialize(doc));
  return describe(dir, std::string(kMediaObjectsName));
}

void check_media_objects(const Config& config, const fs::path& backup) {
  if (!config.s3.enabled())
    throw BackupError("the backup's media are in S3: set AGORA_S3_* to the bucket they are in to check them");
  json::object doc;
  try {
    doc = json::parse(read_small_file(backup / kMediaObjectsName, 1024 * 1024 * 1024)).as_object();
  } catch (const std::exception& e) {
    throw BackupError(std::string("media-objects.json is unreadable: ") + e.what());
  }
  ObjectStorageSettings settings = config.s3;
  if (auto* bucket = doc.if_contains("bucket"); bucket && bucket->is_string()) settings.bucket = std::string(bucket->as_string());
  std::map<std::string, media::S3Store::Object> present;
  for (auto& o : list_bucket(settings)) present.emplace(o.key, o);
  std::vector<std::string> missing;
  size_t count = 0;
  try {
    for (const auto& v : doc.at("objects").as_array()) {
      const auto& o = v.as_object();
      std::string key(o.at("key").as_string());
      auto size = o.at("size").to_number<uint64_t>();
      std::string etag(o.at("etag").as_string());
      auto it = present.find(key);
      if (it == present.end() || it->second.size != size || it->second.etag != etag) missing.push_back(key);
      ++count;
    }
  } catch (const std::exception&) {
    throw BackupError("media-objects.json does not list objects as agora writes them");
  }
  if (missing.empty()) return;
  std::string sample;
  for (size_t i = 0; i < missing.size() && i < 5; ++i) sample += (i ? ", " : "") + missing[i];
  throw BackupError(std::to_string(missing.size()) + " of " + std::to_string(count) + " media objects in bucket " +
                    settings.bucket + " are missing or changed: " + sample + (missing.size() > 5 ? ", …" : ""));
}

}  // namespace agora::services::backup
