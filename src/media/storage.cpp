#include "media/storage.h"

namespace agora::media {

bool valid_storage_key(std::string_view key) {
  if (key.empty() || key.size() > 512) return false;
  size_t pos = 0;
  while (pos <= key.size()) {
    size_t slash = key.find('/', pos);
    std::string_view seg = key.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (seg.empty() || seg.size() > 128 || seg.front() == '.') return false;
    for (char c : seg) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                c == '.';
      if (!ok) return false;
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return true;
}

}  // namespace agora::media
