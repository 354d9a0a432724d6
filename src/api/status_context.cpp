// GET /api/v1/statuses/:id/context: the thread around a status.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "entities/status.h"
#include "services/threads.h"

namespace agora::api {

void register_status_context_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/statuses/:id/context", [&ctx](http::Request& req) {
    auto auth = authorize_if_token(ctx, req, {"read:statuses"});
    std::optional<int64_t> viewer;
    if (auth && auth->account) viewer = auth->account->id;
    auto thread = services::status_context(ctx, viewer, path_id(req));
    // Built in one buffer, freed at once after it is serialized.
    boost::json::monotonic_resource memory;
    auto rc = render_context(ctx);
    rc.storage = &memory;
    boost::json::array ancestors(rc.storage), descendants(rc.storage);
    for (const auto& v : thread.ancestors) ancestors.push_back(entities::status(v, rc));
    for (const auto& v : thread.descendants) descendants.push_back(entities::status(v, rc));
    boost::json::object body(rc.storage);
    body["ancestors"] = std::move(ancestors);
    body["descendants"] = std::move(descendants);
    return http::Response::json(body);
  });
}

}  // namespace agora::api
