#include "media/video.h"

#include <boost/json/serialize.hpp>
#include <cmath>
#include <limits>

#include "media/ffmpeg.h"
#include "media/images.h"
#include "media/meta.h"
#include "media/subprocess.h"

namespace agora::media {

namespace {

constexpr size_t kMaxOutput = 256 * 1024 * 1024;

void check_video(const StreamInfo& info) {
  if (!info.has_video || info.width <= 0 || info.height <= 0 || info.fps <= 0)
    throw Refused("Video has no video stream");
  if (static_cast<int64_t>(info.width) * info.height > MediaLimits::video_matrix)
    throw Refused(std::to_string(info.width) + "x" + std::to_string(info.height) + " videos are not supported");
  if (std::floor(info.fps) > MediaLimits::video_frame_rate)
    throw Refused(std::to_string(static_cast<int>(std::floor(info.fps))) + "fps videos are not supported");
}

// Mastodon's VIDEO_FORMAT: H.264 in yuv420p, even dimensions (cropped, not
// scaled), AAC audio, no metadata, at most MAX_VIDEO_FRAMES frames.
std::vector<std::string> transcode_args(bool audio) {
  std::vector<std::string> a{"-map_metadata", "-1", "-frames:v", std::to_string(MediaLimits::video_frames),
                             "-preset", "veryfast", "-movflags", "faststart", "-pix_fmt", "yuv420p",
                             "-vf", "crop=floor(iw/2)*2:floor(ih/2)*2", "-c:v", "h264"};
  if (audio) a.insert(a.end(), {"-c:a", "aac", "-b:a", "192k"});
  else a.push_back("-an");
  return a;
}

bool passthrough(const ContentType& type, const StreamInfo& info) {
  return type.mime == "video/mp4" && info.video_codec == "h264" && info.pixel_format == "yuv420p" &&
         (!info.has_audio || info.audio_codec == "aac");
}

// The transcoded file, its first frame as the preview, and the meta.
Processed finish_video(const TempDir& dir, const std::filesystem::path& output, std::string type) {
  StreamInfo out = probe(output, "mov");
  run_ffmpeg({"-f", "mov", "-i", output.string(), "-frames:v", "1", "-vf",
              "scale=w='min(640,iw)':h='min(640,ih)':force_original_aspect_ratio=decrease", "-f", "image2",
              "-c:v", "png", dir.file("still.png").string()});
  ImageOutput still = preview_image(read_file(dir.file("still.png"), 64 * 1024 * 1024), "image/png", true,
                                    std::numeric_limits<int64_t>::max());
  Processed p;
  p.type = std::move(type);
  p.original = {read_file(output, kMaxOutput), "video/mp4", "mp4", out.width, out.height};
  p.small = std::move(still.small);
  p.blurhash = std::move(still.blurhash);
  p.meta_json = boost::json::serialize(boost::json::object{
      {"original", video_metadata(out)}, {"small", image_geometry(p.small->width, p.small->height)}});
  return p;
}

}  // namespace

Processed process_video(std::string_view bytes, const ContentType& type) {
  TempDir dir;
  auto input = dir.file("input");
  write_file(input, bytes);
  std::string demuxer = demuxer_for(type.mime);
  StreamInfo info = probe(input, demuxer);
  if (!info.has_video && info.has_audio) return process_audio(bytes, {"audio/ogg", MediaKind::audio});
  check_video(info);
  auto output = dir.file("output.mp4");
  std::vector<std::string> args{"-f", demuxer, "-i", input.string()};
  if (passthrough(type, info)) {
    args.insert(args.end(), {"-map_metadata", "-1", "-c:v", "copy", "-c:a", "copy", "-movflags", "faststart"});
  } else {
    auto t = transcode_args(info.has_audio);
    args.insert(args.end(), t.begin(), t.end());
  }
  args.insert(args.end(), {"-f", "mp4", output.string()});
  run_ffmpeg(args);
  return finish_video(dir, output, "video");
}

Processed process_gifv(std::string_view bytes) {
  TempDir dir;
  auto input = dir.file("input.gif");
  write_file(input, bytes);
  StreamInfo info = probe(input, "gif");
  check_video(info);
  auto output = dir.file("output.mp4");
  std::vector<std::string> args{"-f", "gif", "-i", input.string()};
  auto t = transcode_args(false);
  args.insert(args.end(), t.begin(), t.end());
  args.insert(args.end(), {"-f", "mp4", output.string()});
  run_ffmpeg(args);
  return finish_video(dir, output, "gifv");
}

Processed process_audio(std::string_view bytes, const ContentType& type) {
  TempDir dir;
  auto input = dir.file("input");
  write_file(input, bytes);
  std::string demuxer = type.mime == "audio/ogg" ? "ogg" : demuxer_for(type.mime);
  StreamInfo info = probe(input, demuxer);
  if (!info.has_audio) throw Refused("File type of uploaded media could not be verified");
  auto output = dir.file("output.mp3");
  run_ffmpeg({"-f", demuxer, "-i", input.string(), "-vn", "-map_metadata", "-1", "-c:a", "libmp3lame", "-q:a", "2",
              "-f", "mp3", output.string()});
  StreamInfo out = probe(output, "mp3");
  Processed p;
  p.type = "audio";
  p.original = {read_file(output, kMaxOutput), "audio/mpeg", "mp3", 0, 0};
  p.meta_json = boost::json::serialize(boost::json::object{{"original", video_metadata(out)}});
  return p;
}

}  // namespace agora::media
