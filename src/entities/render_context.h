// What serializers need beyond the data itself: where URLs point, and where
// the JSON they build is allocated.
#pragma once
#include <boost/json/storage_ptr.hpp>
#include <string>

namespace agora::entities {

struct RenderContext {
  std::string base_url;        // "https://social.example.org"
  std::string media_base_url;  // where stored files are served from (local files or S3)
  // The memory resource of what the serializers build (default: the heap). A
  // page of statuses is built in one monotonic buffer, freed at once after the
  // response is serialized; nothing built with it may outlive that buffer.
  boost::json::storage_ptr storage;

  std::string media_url(const std::string& key) const { return media_base_url + "/" + key; }
  // Stored files (local emoji, cached copies) are keys; anything else is already a URL.
  std::string file_or_url(const std::string& url_or_key) const {
    bool url = url_or_key.starts_with("https://") || url_or_key.starts_with("http://");
    return url ? url_or_key : media_url(url_or_key);
  }
};

}  // namespace agora::entities
