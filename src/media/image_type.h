// Recognising uploaded images by their bytes, never by the client's claims.
#pragma once
#include <optional>
#include <string_view>

namespace agora::media {

enum class ImageType { jpeg, png, gif, webp };

// The type of a JPEG, PNG, GIF or WebP file from its signature and header
// structure; nullopt for anything else (including truncated headers).
std::optional<ImageType> sniff_image(std::string_view bytes);

const char* mime_type(ImageType type);   // "image/png"
const char* extension(ImageType type);   // "png"
// The Content-Type to serve a stored file with, by its extension (images,
// video and audio agora stores); nullopt for anything else, HTML and SVG included.
std::optional<std::string_view> mime_type_for_extension(std::string_view ext);

}  // namespace agora::media
