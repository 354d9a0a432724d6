// Stored files (GET /system/KEY: avatars, headers, later media) and the
// default images (/avatars/original/missing.png, /headers/original/missing.png).
#include "api/api.h"
#include "core/errors.h"
#include "media/default_images.h"
#include "media/image_type.h"
#include "services/storage.h"

namespace agora::api {

namespace {

// Stored files never change (a new upload gets a new key): cache for long.
http::Response file_response(std::string body, std::string_view content_type) {
  http::Response r = http::Response::text(std::move(body), std::string(content_type));
  r.headers.set("Cache-Control", "public, max-age=2419200, immutable");
  r.headers.set("Content-Security-Policy", "default-src 'none'; form-action 'none'");
  return r;
}

}  // namespace

void register_files_routes(http::Router& router, services::Context& ctx) {
  router.get("/system/*key", [&ctx](http::Request& req) {
    std::string_view key = req.path_param("key");
    size_t dot = key.rfind('.');
    auto type = dot == std::string_view::npos ? std::nullopt : media::mime_type_for_extension(key.substr(dot + 1));
    if (!type || !media::valid_storage_key(key)) throw Error::not_found();
    auto bytes = services::file_storage(ctx)->read(key);
    if (!bytes) throw Error::not_found();
    return file_response(std::move(*bytes), *type);
  });
  router.get("/avatars/original/missing.png", [](http::Request&) {
    return file_response(std::string(media::missing_avatar_png()), "image/png");
  });
  router.get("/headers/original/missing.png", [](http::Request&) {
    return file_response(std::string(media::missing_header_png()), "image/png");
  });
}

}  // namespace agora::api
