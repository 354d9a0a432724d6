// Stored files (GET /system/KEY: avatars, headers, emoji, media) and the
// default images (/avatars/original/missing.png, /headers/original/missing.png).
// With object storage the files live in the bucket: /system/KEY redirects
// there, so links made before a move keep working once the files are copied.
#include <fmt/format.h>

#include "api/api.h"
#include "core/errors.h"
#include "http/byte_range.h"
#include "media/default_images.h"
#include "media/image_type.h"
#include "services/storage.h"

namespace agora::api {

namespace {

// Stored files never change (a new upload gets a new key): cache for long.
// Served inline under their own name, typed by their extension only, never
// sniffed, and with a CSP under which nothing could run even if it tried.
http::Response file_response(const http::Request& req, std::string body, std::string_view content_type,
                             std::string_view name) {
  http::RangeRequest range = http::parse_range(req.headers.get("range"), body.size());
  if (req.headers.get("if-range")) range.kind = http::RangeRequest::Kind::whole;  // no validators to compare
  size_t size = body.size();
  http::Response r;
  if (range.kind == http::RangeRequest::Kind::unsatisfiable) {
    r = http::Response::text("", std::string(content_type), 416);
    r.headers.set("Content-Range", fmt::format("bytes */{}", size));
  } else if (range.kind == http::RangeRequest::Kind::partial) {
    r = http::Response::text(body.substr(range.range.first, range.range.length()), std::string(content_type), 206);
    r.headers.set("Content-Range", fmt::format("bytes {}-{}/{}", range.range.first, range.range.last, size));
  } else {
    r = http::Response::text(std::move(body), std::string(content_type));
  }
  r.headers.set("Accept-Ranges", "bytes");
  r.headers.set("Cache-Control", "public, max-age=2419200, immutable");
  r.headers.set("Content-Security-Policy", "default-src 'none'; form-action 'none'; sandbox");
  r.headers.set("X-Content-Type-Options", "nosniff");
  r.headers.set("Content-Disposition", fmt::format("inline; filename=\"{}\"", name));
  return r;
}

}  // namespace

void register_files_routes(http::Router& router, services::Context& ctx) {
  router.get("/system/*key", [&ctx](http::Request& req) {
    std::string_view key = req.path_param("key");
    size_t dot = key.rfind('.');
    auto type = dot == std::string_view::npos ? std::nullopt : media::mime_type_for_extension(key.substr(dot + 1));
    if (!type || !media::valid_storage_key(key)) throw Error::not_found();
    if (ctx.config.s3.enabled()) {
      http::Response r;
      r.status = 301;
      r.headers.set("Location", services::files_base_url(ctx.config) + "/" + std::string(key));
      r.headers.set("Cache-Control", "public, max-age=86400");
      return r;
    }
    auto bytes = services::file_storage(ctx)->read(key);
    if (!bytes) throw Error::not_found();
    // valid_storage_key allows only [A-Za-z0-9_.-] in a segment: safe in a quoted filename.
    return file_response(req, std::move(*bytes), *type, key.substr(key.rfind('/') + 1));
  });
  router.get("/avatars/original/missing.png", [](http::Request& req) {
    return file_response(req, std::string(media::missing_avatar_png()), "image/png", "missing.png");
  });
  router.get("/headers/original/missing.png", [](http::Request& req) {
    return file_response(req, std::string(media::missing_header_png()), "image/png", "missing.png");
  });
}

}  // namespace agora::api
