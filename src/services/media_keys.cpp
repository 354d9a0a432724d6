#include "services/media_keys.h"

#include "core/crypto.h"

namespace agora::services::attachments {

namespace {

std::string random_name() {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : crypto::random_bytes(8)) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

// 109440144147845621 → "109/440/144/147/845/621"
std::string id_path(int64_t id) {
  std::string digits = std::to_string(id);
  while (digits.size() % 3) digits.insert(digits.begin(), '0');
  std::string out;
  for (size_t i = 0; i < digits.size(); i += 3) {
    if (!out.empty()) out += '/';
    out += digits.substr(i, 3);
  }
  return out;
}

}  // namespace

std::string media_key(const std::string& kind, int64_t id, const std::string& style, const std::string& extension) {
  return "media_attachments/" + kind + "/" + id_path(id) + "/" + style + "/" + random_name() + "." + extension;
}

std::string rendition_key(const std::string& upload_key, int64_t id, const std::string& style,
                          const std::string& extension) {
  return "media_attachments/files/" + id_path(id) + "/" + style + "/" +
         crypto::sha256_hex(upload_key + "\n" + style).substr(0, 16) + "." + extension;
}

std::string upload_key(int64_t id) { return "media_attachments/uploads/" + id_path(id) + "/" + random_name() + ".upload"; }

}  // namespace agora::services::attachments
