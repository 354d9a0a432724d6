#include "media/image_type.h"

#include <cstdint>

namespace agora::media {

namespace {

uint32_t be32(std::string_view s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

uint16_t le16(std::string_view s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint16_t>(static_cast<unsigned char>(s[at + i])); };
  return static_cast<uint16_t>(b(0) | b(1) << 8);
}

bool png(std::string_view s) {
  // Signature, then the IHDR chunk (length 13) with a non-zero size.
  return s.size() >= 33 && s.starts_with("\x89PNG\r\n\x1a\n") && be32(s, 8) == 13 && s.substr(12, 4) == "IHDR" &&
         be32(s, 16) != 0 && be32(s, 20) != 0;
}

bool jpeg(std::string_view s) {
  // SOI, then the first segment's marker.
  return s.size() >= 4 && static_cast<unsigned char>(s[0]) == 0xFF && static_cast<unsigned char>(s[1]) == 0xD8 &&
         static_cast<unsigned char>(s[2]) == 0xFF && static_cast<unsigned char>(s[3]) >= 0xC0;
}

bool gif(std::string_view s) {
  // Header and logical screen descriptor with a non-zero size.
  return s.size() >= 13 && (s.starts_with("GIF87a") || s.starts_with("GIF89a")) && le16(s, 6) != 0 &&
         le16(s, 8) != 0;
}

bool webp(std::string_view s) {
  if (s.size() < 20 || !s.starts_with("RIFF") || s.substr(8, 4) != "WEBP") return false;
  std::string_view chunk = s.substr(12, 4);
  return chunk == "VP8 " || chunk == "VP8L" || chunk == "VP8X";
}

}  // namespace

std::optional<ImageType> sniff_image(std::string_view bytes) {
  if (png(bytes)) return ImageType::png;
  if (jpeg(bytes)) return ImageType::jpeg;
  if (gif(bytes)) return ImageType::gif;
  if (webp(bytes)) return ImageType::webp;
  return std::nullopt;
}

const char* mime_type(ImageType type) {
  switch (type) {
    case ImageType::jpeg: return "image/jpeg";
    case ImageType::png: return "image/png";
    case ImageType::gif: return "image/gif";
    case ImageType::webp: return "image/webp";
  }
  return "application/octet-stream";
}

const char* extension(ImageType type) {
  switch (type) {
    case ImageType::jpeg: return "jpg";
    case ImageType::png: return "png";
    case ImageType::gif: return "gif";
    case ImageType::webp: return "webp";
  }
  return "bin";
}

std::optional<std::string_view> mime_type_for_extension(std::string_view ext) {
  for (auto type : {ImageType::jpeg, ImageType::png, ImageType::gif, ImageType::webp})
    if (ext == extension(type)) return mime_type(type);
  if (ext == "jpeg") return "image/jpeg";
  // Processed media attachments: transcoded video and gifv, and audio.
  if (ext == "mp4") return "video/mp4";
  if (ext == "mp3") return "audio/mpeg";
  return std::nullopt;
}

}  // namespace agora::media
