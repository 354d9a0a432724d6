// Turning an uploaded file into what Mastodon serves: pure (bytes in,
// renditions out), no database, no storage. Images go through libvips,
// video, animated GIFs and audio through the ffmpeg command line.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace agora::media {

// The upload cannot be used; `what()` is the reason, safe to show.
struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Mastodon's limits (MediaAttachment and the instance's configuration).
struct MediaLimits {
  static constexpr int64_t image_bytes = 16 * 1024 * 1024;      // IMAGE_LIMIT
  static constexpr int64_t video_bytes = 99 * 1024 * 1024;      // VIDEO_LIMIT (video, gifv, audio)
  static constexpr int64_t image_matrix = 33'177'600;           // 7680x4320: larger images are refused
  static constexpr int64_t image_original_pixels = 8'294'400;   // 3840x2160: originals are scaled down to it
  static constexpr int64_t small_pixels = 230'400;              // 640x360: the preview
  static constexpr int64_t video_matrix = 8'294'400;            // 3840x2160
  static constexpr int video_frame_rate = 120;
  static constexpr int video_frames = 36'000;                   // about 5 minutes at 120 fps
};

struct Rendition {
  std::string bytes;
  std::string mime;       // "image/jpeg"
  std::string extension;  // "jpg"
  int width = 0, height = 0;
};

struct Processed {
  std::string type;  // image, gifv, video, audio
  Rendition original;
  std::optional<Rendition> small;  // the preview (a still for video)
  std::optional<std::string> blurhash;
  std::string meta_json;  // Mastodon's meta without focus: {"original":{…},"small":{…}}
};

// Processes an upload whose type is sniffed from the bytes; throws Refused
// for anything unsupported, too large, corrupt or dangerous.
Processed process_upload(std::string_view bytes);

// A still image uploaded as the thumbnail of a video or audio attachment:
// processed as the small rendition (at most 640x360 px), with its blurhash.
Processed process_thumbnail(std::string_view bytes);

// Cheap checks on the bytes, before anything is stored: whether the type is
// one Mastodon accepts, its size limit, and whether it is video or audio
// (the larger limit; a thumbnail may be uploaded for it).
bool is_supported_upload(std::string_view bytes);
int64_t size_limit_for(std::string_view bytes);
bool is_larger_format(std::string_view bytes);

}  // namespace agora::media
