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
  std::optional<int64_t> scheduled_status_id;
  std::string type = "unknown";  // image, gifv, video, audio, unknown
  std::string content_type;
  std::string file_key;          // storage key of the processed file
  std::string thumbnail_key;     // a still uploaded for video or audio
  std::string preview_key;       // the small rendition
  std::string upload_key;        // the upload waiting for processing
  int64_t file_size = 0;
  std::string remote_url;
  std::string thumbnail_remote_url;  // the remote Document's `icon` (Mastodon's preview_remote_url)
  std::optional<std::string> description;
  std::optional<std::string> blurhash;
  std::optional<double> focus_x, focus_y;
  std::optional<int> width, height;  // of the original, for ActivityPub
  std::string meta_json = "{}";
  std::string processing = "done";  // queued, processing, done, failed
  std::optional<std::string> processing_error;
  int64_t position = 0;  // order within its status; -1 once an edit took it out
  int64_t created_at = 0;
  int64_t updated_at = 0;

  bool processed() const { return processing == "done"; }
  bool attached() const { return status_id.has_value() || scheduled_status_id.has_value(); }
  // Video, gifv and audio may not be mixed with other attachments.
  bool larger_format() const { return type == "video" || type == "gifv" || type == "audio"; }
};

}  // namespace agora::model
