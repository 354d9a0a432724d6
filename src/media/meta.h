// Mastodon's `meta` of an attachment: geometry of the original and the
// small rendition, and for video/audio what ffprobe reports.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

namespace agora::media {

// {"width":640,"height":480,"size":"640x480","aspect":1.333…}
boost::json::object image_geometry(int width, int height);

struct StreamInfo {
  bool has_video = false, has_audio = false;
  int width = 0, height = 0;
  std::string frame_rate;  // "30/1", as ffprobe's r_frame_rate
  double fps = 0;
  double duration = 0;     // seconds
  int64_t bitrate = 0;     // bits per second
  std::string video_codec, audio_codec, pixel_format;
};

// {"width":…,"height":…,"frame_rate":"30/1","duration":7.3,"bitrate":2187124},
// without what the file lacks (audio has no width or frame rate), as
// Mastodon's VideoMetadataExtractor gives it.
boost::json::object video_metadata(const StreamInfo& info);

}  // namespace agora::media
