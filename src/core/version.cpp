#include "core/version.h"

namespace agora {

std::string compatible_version_string() {
  return std::string(kMastodonApiVersion) + " (compatible; agora " + kAgoraVersion + ")";
}

}  // namespace agora
