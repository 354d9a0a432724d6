#include "services/storage.h"

#include <boost/json.hpp>

#include "core/crypto.h"
#include "jobs/queue.h"
#include "media/file_store.h"
#include "media/s3_store.h"

namespace agora::services {

std::unique_ptr<media::Storage> file_storage(const Context& ctx) {
  if (ctx.config.s3.enabled()) return std::make_unique<media::S3Store>(ctx.config.s3);
  return std::make_unique<media::FileStore>(ctx.config.data_dir / "system");
}

std::string files_base_url(const Config& config) {
  if (config.s3.enabled()) return media::S3Store(config.s3).public_base_url();
  return config.base_url() + "/system";
}

std::string new_file_name(media::ImageType type) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : crypto::random_bytes(8)) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out + "." + media::extension(type);
}

void remove_stored_files(const Context& ctx, const std::vector<std::string>& keys) {
  if (keys.empty()) return;
  auto storage = file_storage(ctx);
  for (const auto& key : keys) storage->remove(key);
}

void remove_stored_files_later(store::Connection& c, const std::vector<std::string>& keys) {
  constexpr size_t kKeysPerJob = 500;  // an account may leave thousands; payloads stay small
  for (size_t i = 0; i < keys.size(); i += kKeysPerJob) {
    boost::json::array list;
    for (size_t k = i; k < std::min(keys.size(), i + kKeysPerJob); ++k) list.emplace_back(keys[k]);
    jobs::enqueue(c, {"remove_stored_files", {{"keys", std::move(list)}}, "default", 0, 5});
  }
}

}  // namespace agora::services
