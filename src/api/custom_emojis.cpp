// GET /api/v1/custom_emojis: the instance's emoji for the picker (public).
#include <boost/json.hpp>

#include "api/api.h"
#include "api/render.h"
#include "entities/custom_emoji.h"
#include "services/custom_emojis.h"

namespace agora::api {

void register_custom_emoji_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/custom_emojis", [&ctx](http::Request&) {
    auto rc = render_context(ctx);
    boost::json::array out;
    for (const auto& e : services::custom_emojis::listed(ctx)) out.push_back(entities::custom_emoji(e, rc, true));
    auto res = http::Response::json(out);
    res.headers.set("Cache-Control", "max-age=180, public");
    return res;
  });
}

}  // namespace agora::api
