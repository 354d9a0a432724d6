// What an uploaded media file really is, from its bytes alone (never the
// file name or the client's Content-Type), among the types Mastodon accepts.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace agora::media {

enum class MediaKind { image, video, audio };

struct ContentType {
  std::string mime;  // "image/jpeg", "video/mp4", "audio/mpeg", …
  MediaKind kind;
};

// JPEG, PNG, GIF, WebP, HEIC/HEIF, AVIF; MP4/MOV/M4V, WebM/Matroska, Ogg;
// MP3, WAV, FLAC, M4A/AAC. nullopt for anything else: text, SVG, HTML, PDF,
// archives, truncated headers. Containers that can hold either (Ogg, WebM,
// MP4) are reported as video; probing the streams decides later.
std::optional<ContentType> sniff_content_type(std::string_view bytes);

}  // namespace agora::media
