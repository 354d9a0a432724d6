#include "media/processing.h"

#include <boost/json/serialize.hpp>

#include "media/content_type.h"
#include "media/images.h"
#include "media/meta.h"
#include "media/video.h"

namespace agora::media {

namespace {

const char* kInvalidType = "Validation failed: File content type is invalid, File is invalid";

ContentType sniff_or_refuse(std::string_view bytes) {
  auto type = sniff_content_type(bytes);
  if (!type) throw Refused(kInvalidType);
  return *type;
}

Processed still_image(std::string_view bytes, const std::string& mime) {
  ImageOutput out = process_image(bytes, mime);
  Processed p;
  p.type = "image";
  p.meta_json = boost::json::serialize(
      boost::json::object{{"original", image_geometry(out.original.width, out.original.height)},
                          {"small", image_geometry(out.small.width, out.small.height)}});
  p.original = std::move(out.original);
  p.small = std::move(out.small);
  p.blurhash = std::move(out.blurhash);
  return p;
}

}  // namespace

bool is_supported_upload(std::string_view bytes) { return sniff_content_type(bytes).has_value(); }

bool is_larger_format(std::string_view bytes) {
  auto type = sniff_content_type(bytes);
  return type && type->kind != MediaKind::image;
}

// Mastodon: the larger limit for video and audio; a GIF is validated as an image.
int64_t size_limit_for(std::string_view bytes) {
  return is_larger_format(bytes) ? MediaLimits::video_bytes : MediaLimits::image_bytes;
}

Processed process_upload(std::string_view bytes) {
  ContentType type = sniff_or_refuse(bytes);
  switch (type.kind) {
    case MediaKind::image:
      if (type.mime == "image/gif" && animated_gif(bytes)) return process_gifv(bytes);
      return still_image(bytes, type.mime);
    case MediaKind::video: return process_video(bytes, type);
    case MediaKind::audio: return process_audio(bytes, type);
  }
  throw Refused(kInvalidType);
}

Processed process_thumbnail(std::string_view bytes) {
  ContentType type = sniff_or_refuse(bytes);
  if (type.kind != MediaKind::image) throw Refused("Validation failed: Thumbnail content type is invalid, Thumbnail is invalid");
  ImageOutput out = preview_image(bytes, type.mime, type.mime == "image/png");
  Processed p;
  p.type = "image";
  p.small = std::move(out.small);
  p.blurhash = std::move(out.blurhash);
  p.meta_json = boost::json::serialize(boost::json::object{{"small", image_geometry(p.small->width, p.small->height)}});
  return p;
}

}  // namespace agora::media
