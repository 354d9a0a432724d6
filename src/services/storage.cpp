#include "services/storage.h"

#include "core/crypto.h"

namespace agora::services {

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
