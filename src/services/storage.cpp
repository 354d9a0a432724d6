#include "services/storage.h"

#include "core/crypto.h"
#include "media/file_store.h"

namespace agora::services {

std::unique_ptr<media::Storage> file_storage(const Context& ctx) {
  return std::make_unique<media::FileStore>(ctx.config.data_dir / "system");
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

}  // namespace agora::services
