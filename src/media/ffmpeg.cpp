#include "media/ffmpeg.h"

#include <boost/json.hpp>
#include <cmath>

#include "core/log.h"
#include "media/processing.h"
#include "media/subprocess.h"

namespace agora::media {

namespace json = boost::json;

namespace {

constexpr std::chrono::seconds kProbeTimeout{30};
constexpr std::chrono::seconds kTranscodeTimeout{600};

std::string text_of(const json::object& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

double number_of(const json::object& o, const char* key) {
  std::string s = text_of(o, key);
  if (s.empty()) return 0;
  try {
    return std::stod(s);
  } catch (...) {
    return 0;
  }
}

// "30000/1001" → 29.97
double rate_value(const std::string& rate) {
  auto slash = rate.find('/');
  try {
    if (slash == std::string::npos) return std::stod(rate);
    double den = std::stod(rate.substr(slash + 1));
    return den > 0 ? std::stod(rate.substr(0, slash)) / den : 0;
  } catch (...) {
    return 0;
  }
}

}  // namespace

std::string demuxer_for(const std::string& mime) {
  if (mime == "video/mp4" || mime == "video/quicktime" || mime == "audio/mp4") return "mov";
  if (mime == "video/webm") return "matroska";
  if (mime == "video/ogg") return "ogg";
  if (mime == "image/gif") return "gif";
  if (mime == "audio/wave") return "wav";
  if (mime == "audio/flac") return "flac";
  if (mime == "audio/mpeg") return "mp3";
  if (mime == "audio/aac") return "aac";
  return "";
}

StreamInfo probe(const std::filesystem::path& file, const std::string& demuxer) {
  auto r = run_process({"ffprobe", "-v", "error", "-protocol_whitelist", "file", "-f", demuxer, "-print_format",
                        "json", "-show_format", "-show_streams", "-i", file.string()},
                       kProbeTimeout);
  std::error_code ec;
  json::value doc = r.exit_code == 0 ? json::parse(r.out, ec) : json::value();
  if (r.exit_code != 0 || ec || !doc.is_object()) {
    log::debug("ffprobe refused a file: {}", r.err.substr(0, 300));
    throw Refused("File type of uploaded media could not be verified");
  }
  StreamInfo info;
  const auto& root = doc.as_object();
  if (auto s = root.find("streams"); s != root.end() && s->value().is_array())
    for (const auto& v : s->value().as_array()) {
      if (!v.is_object()) continue;
      const auto& st = v.as_object();
      std::string kind = text_of(st, "codec_type");
      bool cover = false;  // album art in audio files is not a video stream
      if (auto d = st.find("disposition"); d != st.end() && d->value().is_object())
        if (auto p = d->value().as_object().find("attached_pic"); p != d->value().as_object().end())
          cover = p->value().is_int64() && p->value().as_int64() == 1;
      if (kind == "video" && !cover && !info.has_video) {
        info.has_video = true;
        info.video_codec = text_of(st, "codec_name");
        info.pixel_format = text_of(st, "pix_fmt");
        if (auto w = st.find("width"); w != st.end() && w->value().is_int64()) info.width = static_cast<int>(w->value().as_int64());
        if (auto h = st.find("height"); h != st.end() && h->value().is_int64()) info.height = static_cast<int>(h->value().as_int64());
        info.frame_rate = text_of(st, "r_frame_rate");
        info.fps = rate_value(info.frame_rate);
        if (info.fps <= 0) info.fps = rate_value(text_of(st, "avg_frame_rate"));
      } else if (kind == "audio" && !info.has_audio) {
        info.has_audio = true;
        info.audio_codec = text_of(st, "codec_name");
      }
    }
  if (auto f = root.find("format"); f != root.end() && f->value().is_object()) {
    info.duration = number_of(f->value().as_object(), "duration");
    info.bitrate = static_cast<int64_t>(number_of(f->value().as_object(), "bit_rate"));
  }
  if (!std::isfinite(info.duration) || info.duration < 0) info.duration = 0;
  return info;
}

void run_ffmpeg(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                                "-protocol_whitelist", "file"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_process(argv, kTranscodeTimeout, 64 * 1024);
  if (r.timed_out) throw Refused("Error processing thumbnail for uploaded media");
  if (r.exit_code != 0) {
    log::warn("ffmpeg failed: {}", r.err.substr(0, 300));
    throw Refused("Error processing thumbnail for uploaded media");
  }
}

}  // namespace agora::media
