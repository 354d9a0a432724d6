// Media attachments: POST /api/v1/media (answers once processed, as
// Mastodon's synchronous upload), POST /api/v2/media (202 while video is
// processed), GET/PUT/DELETE /api/v1/media/:id.
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "core/errors.h"
#include "entities/status.h"
#include "http/params.h"
#include "services/media.h"

namespace agora::api {

namespace {

using namespace std::chrono_literals;
namespace media = services::attachments;

// How long a request waits for its upload to be processed by a worker.
constexpr auto kSynchronousWait = 60s;


media::MediaDetails details_of(const http::Request& req) {
  media::MediaDetails d;
  d.description = http::param_string(req.params, "description");
  d.focus = http::param_string(req.params, "focus");
  if (auto* t = req.upload("thumbnail")) d.thumbnail = t->data;
  return d;
}

http::Response render(services::Context& ctx, const model::MediaAttachment& m, int status) {
  return http::Response::json(entities::media_attachment(m, render_context(ctx)), status);
}

// Mastodon answers a failed processing with 422 and this error.
[[noreturn]] void processing_failed(const model::MediaAttachment& m) {
  throw Error::unprocessable(m.processing_error.value_or("Error processing thumbnail for uploaded media"));
}

// Uploads and waits for the worker; a refused file leaves nothing behind.
http::Response upload_and_wait(services::Context& ctx, http::Request& req, bool video_in_background) {
  auto auth = require_user(ctx, req, {"write:media"});
  auto* file = req.upload("file");
  if (!file) throw Error::unprocessable("Validation failed: File can't be blank");
  auto m = media::upload(ctx, *auth.account, file->data, details_of(req));
  if (video_in_background && m.larger_format()) return render(ctx, m, 202);
  m = media::wait_for_processing(ctx, m.id, kSynchronousWait);
  if (m.processing == "failed") {
    media::discard(ctx, m.id);
    processing_failed(m);
  }
  return render(ctx, m, m.processed() ? 200 : 202);
}

}  // namespace

void register_media_routes(http::Router& router, services::Context& ctx) {
  router.post("/api/v1/media", [&ctx](http::Request& req) { return upload_and_wait(ctx, req, false); });
  router.post("/api/v2/media", [&ctx](http::Request& req) { return upload_and_wait(ctx, req, true); });

  router.get("/api/v1/media/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:media"});
    auto m = media::find_own(ctx, *auth.account, path_id(req));
    if (m.processing == "failed") processing_failed(m);
    return render(ctx, m, m.processed() ? 200 : 206);
  });

  router.put("/api/v1/media/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:media"});
    auto m = media::update(ctx, *auth.account, path_id(req), details_of(req));
    return render(ctx, m, m.processed() ? 200 : 206);
  });

  router.del("/api/v1/media/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:media"});
    media::destroy(ctx, *auth.account, path_id(req));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
