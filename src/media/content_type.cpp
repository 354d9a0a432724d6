#include "media/content_type.h"

#include "media/image_type.h"

namespace agora::media {

namespace {

bool at(std::string_view s, size_t offset, std::string_view magic) {
  return s.size() >= offset + magic.size() && s.substr(offset, magic.size()) == magic;
}

// ISO base media files (MP4, MOV, HEIF, AVIF, M4A) start with an `ftyp` box
// whose major brand names the format.
std::optional<ContentType> iso_media(std::string_view s) {
  if (!at(s, 4, "ftyp") || s.size() < 12) return std::nullopt;
  std::string_view brand = s.substr(8, 4);
  if (brand == "avif" || brand == "avis") return ContentType{"image/avif", MediaKind::image};
  if (brand == "heic" || brand == "heix" || brand == "heim" || brand == "heis")
    return ContentType{"image/heic", MediaKind::image};
  if (brand == "mif1" || brand == "msf1") return ContentType{"image/heif", MediaKind::image};
  if (brand == "M4A " || brand == "M4B ") return ContentType{"audio/mp4", MediaKind::audio};
  if (brand == "qt  ") return ContentType{"video/quicktime", MediaKind::video};
  return ContentType{"video/mp4", MediaKind::video};  // isom, mp41, mp42, M4V, avc1, 3gp…
}

bool mp3(std::string_view s) {
  if (at(s, 0, "ID3") && s.size() >= 10) return true;
  // An MPEG audio frame header: 11 sync bits, layer III.
  return s.size() >= 4 && static_cast<unsigned char>(s[0]) == 0xFF &&
         (static_cast<unsigned char>(s[1]) & 0xE6) == 0xE2;
}

}  // namespace

std::optional<ContentType> sniff_content_type(std::string_view s) {
  if (auto image = sniff_image(s)) return ContentType{mime_type(*image), MediaKind::image};
  if (auto iso = iso_media(s)) return iso;
  if (at(s, 0, "\x1A\x45\xDF\xA3")) return ContentType{"video/webm", MediaKind::video};
  if (at(s, 0, "OggS")) return ContentType{"video/ogg", MediaKind::video};
  if (at(s, 0, "RIFF") && at(s, 8, "WAVE")) return ContentType{"audio/wave", MediaKind::audio};
  if (at(s, 0, "fLaC")) return ContentType{"audio/flac", MediaKind::audio};
  if (mp3(s)) return ContentType{"audio/mpeg", MediaKind::audio};
  // ADTS AAC: 12 sync bits, layer 0.
  if (s.size() >= 7 && static_cast<unsigned char>(s[0]) == 0xFF && (static_cast<unsigned char>(s[1]) & 0xF6) == 0xF0)
    return ContentType{"audio/aac", MediaKind::audio};
  return std::nullopt;
}

}  // namespace agora::media
