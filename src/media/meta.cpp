#include "media/meta.h"

namespace agora::media {

boost::json::object image_geometry(int width, int height) {
  return {{"width", width},
          {"height", height},
          {"size", std::to_string(width) + "x" + std::to_string(height)},
          {"aspect", height > 0 ? static_cast<double>(width) / height : 0.0}};
}

boost::json::object video_metadata(const StreamInfo& info) {
  boost::json::object o;
  if (info.has_video) {
    o["width"] = info.width;
    o["height"] = info.height;
    if (!info.frame_rate.empty()) o["frame_rate"] = info.frame_rate;
  }
  if (info.duration > 0) o["duration"] = info.duration;
  if (info.bitrate > 0) o["bitrate"] = info.bitrate;
  return o;
}

}  // namespace agora::media
