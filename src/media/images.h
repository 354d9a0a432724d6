// Still images through libvips: auto-rotation, all metadata stripped,
// Mastodon's sizes, previews and blurhashes. No libvips type leaks out.
#pragma once
#include <string>
#include <string_view>

#include "media/processing.h"

namespace agora::media {

struct ImageOutput {
  Rendition original;
  Rendition small;
  std::string blurhash;
};

// Decodes `bytes` (of the sniffed `mime`) with the matching loader only,
// refusing more than MediaLimits::image_matrix pixels before decoding.
// JPEG stays JPEG, PNG PNG, WebP WebP; HEIC/HEIF/AVIF and still GIFs
// become JPEG or PNG.
ImageOutput process_image(std::string_view bytes, const std::string& mime);

// A small rendition (at most `max_pixels`) with its blurhash, for video
// stills and uploaded thumbnails; the output is JPEG, or PNG when `png` is set.
ImageOutput preview_image(std::string_view bytes, const std::string& mime, bool png,
                          int64_t max_pixels = MediaLimits::small_pixels);

// Whether a GIF has more than one frame (it then becomes a gifv video).
bool animated_gif(std::string_view bytes);

}  // namespace agora::media
