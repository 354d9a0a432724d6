// Media attachments as stored (images, video, audio).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace agora::model {

struct MediaAttachment {
  int64_t id = 0;
  int64_t account_id = 0;
  std::optional<int64_t> status_id;
  std::string type = "unknown";  // image, gifv, video, audio, unknown
  std::string content_type;
  std::string file_key;          // storage key of the processed file
  std::string thumbnail_key;
  std::string preview_key;
  std::string remote_url;
  std::optional<std::string> description;
  std::optional<std::string> blurhash;
  std::optional<double> focus_x, focus_y;
  std::string meta_json = "{}";
  std::string processing = "done";
  int64_t position = 0;
  int64_t created_at = 0;
};

}  // namespace agora::model
