// GET /media_proxy/:id/:style: where entities point for a remote attachment
// without a local copy; fetches it now if allowed and redirects to our copy.
#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "core/errors.h"
#include "services/remote_media_cache.h"
#include "services/storage.h"

namespace agora::api {

void register_media_proxy_routes(http::Router& router, services::Context& ctx) {
  router.get("/media_proxy/:id/:style", [&ctx](http::Request& req) {
    std::string_view style = req.path_param("style");
    if (style != "original" && style != "small") throw Error::not_found();
    auto auth = optional_auth(ctx, req);
    std::optional<int64_t> viewer;
    if (auth && auth->account) viewer = auth->account->id;
    std::string key = services::media_cache::proxied_file_key(ctx, viewer, path_id(req, "id"), style == "small");
    http::Response r;
    r.status = 302;
    r.headers.set("Location", services::files_base_url(ctx.config) + "/" + key);
    return r;
  });
}

}  // namespace agora::api
