// What serializers need beyond the data itself: where URLs point.
#pragma once
#include <string>

namespace agora::entities {

struct RenderContext {
  std::string base_url;        // "https://social.example.org"
  std::string media_base_url;  // where stored files are served from (local files or S3)

  std::string media_url(const std::string& key) const { return media_base_url + "/" + key; }
  // Stored files (local emoji, cached copies) are keys; anything else is already a URL.
  std::string file_or_url(const std::string& url_or_key) const {
    bool url = url_or_key.starts_with("https://") || url_or_key.starts_with("http://");
    return url ? url_or_key : media_url(url_or_key);
  }
};

}  // namespace agora::entities
