// Timelines: GET /api/v1/timelines/home, /public, /tag/:hashtag,
// /list/:id and /link?url= (Mastodon 4.3).
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/status_lists.h"
#include "http/params.h"
#include "services/timelines.h"

namespace agora::api {

namespace {

bool flag(const http::Request& req, std::string_view key) { return http::param_bool(req.params, key).value_or(false); }

services::PublicTimelineOptions public_options(const http::Request& req) {
  return {.local = flag(req, "local"), .remote = flag(req, "remote"), .only_media = flag(req, "only_media")};
}

std::optional<int64_t> viewer_of(const std::optional<services::Auth>& auth) {
  if (auth && auth->account) return auth->account->id;
  return std::nullopt;
}

// Authorize if a token was sent; without a signed-in member only while the
// instance lets anonymous visitors read timelines.
std::optional<int64_t> public_reader(services::Context& ctx, const http::Request& req) {
  auto auth = authorize_if_token(ctx, req, {"read:statuses"});
  services::require_timeline_access(ctx, auth);
  return viewer_of(auth);
}

}  // namespace

void register_timeline_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/timelines/home", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:statuses"});
    return status_list_response(ctx, req, services::home_timeline(ctx, *auth.account, status_page_request(req)));
  });

  router.get("/api/v1/timelines/list/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:lists"});
    auto page = services::list_timeline(ctx, *auth.account, path_id(req), status_page_request(req));
    return status_list_response(ctx, req, page);
  });

  router.get("/api/v1/timelines/public", [&ctx](http::Request& req) {
    auto viewer = public_reader(ctx, req);
    return status_list_response(ctx, req,
                                services::public_timeline(ctx, viewer, public_options(req), status_page_request(req)));
  });

  router.get("/api/v1/timelines/tag/:hashtag", [&ctx](http::Request& req) {
    auto viewer = public_reader(ctx, req);
    services::TagTimelineOptions options;
    static_cast<services::PublicTimelineOptions&>(options) = public_options(req);
    options.any = http::param_list(req.params, "any");
    options.all = http::param_list(req.params, "all");
    options.none = http::param_list(req.params, "none");
    auto page = services::tag_timeline(ctx, viewer, std::string(req.path_param("hashtag")), options,
                                       status_page_request(req));
    return status_list_response(ctx, req, page);
  });

  router.get("/api/v1/timelines/link", [&ctx](http::Request& req) {
    auto viewer = public_reader(ctx, req);
    auto url = http::param_string(req.params, "url").value_or("");
    return status_list_response(ctx, req, services::link_timeline(ctx, viewer, url, status_page_request(req)));
  });
}

}  // namespace agora::api
