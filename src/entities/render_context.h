// What serializers need beyond the data itself: where URLs point.
#pragma once
#include <string>

namespace agora::entities {

struct RenderContext {
  std::string base_url;        // "https://social.example.org"
  std::string media_base_url;  // where stored files are served from (local files or S3)

  std::string media_url(const std::string& key) const { return media_base_url + "/" + key; }
};

}  // namespace agora::entities
