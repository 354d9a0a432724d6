#include "model/profile_images.h"

namespace agora::model {

namespace {

constexpr std::string_view kOriginal = "/original/";
constexpr std::string_view kStatic = "/static/";
constexpr std::string_view kGif = ".gif";

}  // namespace

std::string profile_image_key(const std::string& dir, const std::string& file_name) {
  bool animated = file_name.ends_with(kGif);
  return dir + (animated ? std::string(kOriginal) : "/") + file_name;
}

bool has_still(const std::string& key) {
  return key.ends_with(kGif) && key.rfind(kOriginal) != std::string::npos;
}

std::string still_key(const std::string& key) {
  if (!has_still(key)) return key;
  size_t at = key.rfind(kOriginal);
  std::string name = key.substr(at + kOriginal.size());
  name.replace(name.size() - kGif.size(), kGif.size(), ".png");
  return key.substr(0, at) + std::string(kStatic) + name;
}

std::vector<std::string> profile_image_files(const std::string& key) {
  if (key.empty()) return {};
  if (!has_still(key)) return {key};
  return {key, still_key(key)};
}

}  // namespace agora::model
