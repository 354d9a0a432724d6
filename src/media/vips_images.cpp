// The only file that talks to libvips (its include directories are added
// for vips_*.cpp only, see CMakeLists.txt).
#include <vips/vips8>

#include <cmath>
#include <mutex>

#include "media/blurhash.h"
#include "media/images.h"

namespace agora::media {

using vips::VImage;
using vips::VError;

namespace {

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("agora") != 0) throw std::runtime_error("libvips failed to start");
    vips_block_untrusted_set(TRUE);  // loaders for exotic formats never run on uploads
    vips_cache_set_max(0);           // uploads are processed once; nothing to cache
    vips_concurrency_set(1);
  });
}

// The loader libvips would pick ("VipsForeignLoadJpegBuffer") must be the
// one for the type we sniffed, so a polyglot cannot reach another decoder.
const char* expected_loader(const std::string& mime) {
  if (mime == "image/jpeg") return "jpeg";
  if (mime == "image/png") return "png";
  if (mime == "image/gif") return "gif";  // VipsForeignLoadNsgifBuffer
  if (mime == "image/webp") return "webp";
  if (mime == "image/heic" || mime == "image/heif" || mime == "image/avif") return "heif";
  return nullptr;
}

bool names_loader(std::string found, std::string_view want) {
  for (auto& ch : found) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return found.starts_with("vipsforeignload") && found.find(want) != std::string::npos;
}

VImage load(std::string_view bytes, const std::string& mime) {
  init_vips();
  const char* want = expected_loader(mime);
  const char* found = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  if (!want || !found || !names_loader(found, want)) {
    vips_error_clear();
    throw Refused("Validation failed: File content type is invalid, File is invalid");
  }
  VImage image = VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                         VImage::option()->set("fail_on", VIPS_FAIL_ON_TRUNCATED));
  // Only the header has been read: refuse decompression bombs before decoding.
  int64_t pixels = static_cast<int64_t>(image.width()) * image.height();
  if (pixels > MediaLimits::image_matrix)
    throw Refused(std::to_string(image.width()) + "x" + std::to_string(image.height()) +
                  " images are not supported");
  return image;
}

// 8-bit sRGB (or grey), upright, without any metadata that could follow it out.
VImage normalise(VImage image) {
  image = image.autorot();
  if (image.interpretation() != VIPS_INTERPRETATION_sRGB && image.interpretation() != VIPS_INTERPRETATION_B_W)
    image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  if (image.format() != VIPS_FORMAT_UCHAR) image = image.cast(VIPS_FORMAT_UCHAR);
  return image;
}

// Scales down (never up) to at most `pixels`, keeping the aspect ratio;
// whole target sizes first, so rounding never overshoots the limit.
VImage fit(const VImage& image, int64_t pixels) {
  double w = image.width(), h = image.height();
  if (w * h <= pixels) return image;
  double width = std::max(1.0, std::floor(std::sqrt(pixels * w / h)));
  double height = std::max(1.0, std::floor(width * h / w));
  return image.resize(width / w, VImage::option()->set("vscale", height / h));
}

Rendition save(const VImage& image, const std::string& format) {
  Rendition r;
  r.width = image.width();
  r.height = image.height();
  void* data = nullptr;
  size_t size = 0;
  if (format == "jpeg") {
    VImage flat = image.has_alpha() ? image.flatten(VImage::option()->set("background", 255.0)) : image;
    flat.write_to_buffer(".jpg", &data, &size, VImage::option()->set("strip", true)->set("Q", 90));
    r.mime = "image/jpeg";
    r.extension = "jpg";
  } else if (format == "png") {
    image.write_to_buffer(".png", &data, &size, VImage::option()->set("strip", true));
    r.mime = "image/png";
    r.extension = "png";
  } else {
    image.write_to_buffer(".webp", &data, &size, VImage::option()->set("strip", true)->set("Q", 90));
    r.mime = "image/webp";
    r.extension = "webp";
  }
  r.bytes.assign(static_cast<const char*>(data), size);
  g_free(data);
  return r;
}

// Mastodon's 4x4 blurhash over a copy at most 100 px wide.
std::string blurhash_of(const VImage& image) {
  VImage small = image.width() > 100 ? image.resize(100.0 / image.width()) : image;
  if (small.has_alpha()) small = small.flatten();
  if (small.bands() == 1) small = small.colourspace(VIPS_INTERPRETATION_sRGB);
  small = small.extract_band(0, VImage::option()->set("n", 3)).cast(VIPS_FORMAT_UCHAR);
  size_t size = 0;
  auto* data = static_cast<uint8_t*>(small.write_to_memory(&size));
  std::vector<uint8_t> rgb(data, data + size);
  g_free(data);
  return blurhash_encode(rgb, small.width(), small.height(), 4, 4);
}

std::string output_format(const std::string& mime) {
  if (mime == "image/png" || mime == "image/gif") return "png";
  if (mime == "image/webp") return "webp";
  return "jpeg";  // JPEG, HEIC, HEIF, AVIF
}

template <typename F>
auto guarded(F&& f) {
  try {
    return f();
  } catch (const VError&) {
    vips_error_clear();
    throw Refused("Validation failed: File could not be processed");
  }
}

}  // namespace

ImageOutput process_image(std::string_view bytes, const std::string& mime) {
  return guarded([&] {
    VImage image = normalise(load(bytes, mime));
    std::string format = output_format(mime);
    ImageOutput out;
    VImage original = fit(image, MediaLimits::image_original_pixels).copy_memory();  // decodes: errors surface here
    out.original = save(original, format);
    VImage small = fit(original, MediaLimits::small_pixels);
    out.small = save(small, format);
    out.blurhash = blurhash_of(small);
    return out;
  });
}

ImageOutput preview_image(std::string_view bytes, const std::string& mime, bool png, int64_t max_pixels) {
  return guarded([&] {
    VImage image = normalise(load(bytes, mime));
    VImage small = fit(image, max_pixels).copy_memory();
    ImageOutput out;
    out.small = save(small, png ? "png" : "jpeg");
    out.blurhash = blurhash_of(small);
    return out;
  });
}

bool animated_gif(std::string_view bytes) {
  return guarded([&] {
    VImage image = load(bytes, "image/gif");
    return image.get_typeof("n-pages") != 0 && image.get_int("n-pages") > 1;
  });
}

}  // namespace agora::media
