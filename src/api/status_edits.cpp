// Editing statuses: PUT /api/v1/statuses/:id, GET /api/v1/statuses/:id/history
// and GET /api/v1/statuses/:id/source.
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "api/status_params.h"
#include "entities/status.h"
#include "entities/status_edit.h"
#include "http/params.h"
#include "services/status_edits.h"
#include "services/statuses.h"

namespace agora::api {

void register_status_edit_routes(http::Router& router, services::Context& ctx) {
  router.put("/api/v1/statuses/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    services::StatusChanges changes;
    changes.text = http::param_string(req.params, "status").value_or("");
    changes.spoiler_text = http::param_string(req.params, "spoiler_text");
    changes.sensitive = http::param_bool(req.params, "sensitive");
    changes.language = http::param_string(req.params, "language");
    changes.media_ids = id_list_param(req, "media_ids");
    changes.poll = poll_param(req);
    auto edited = services::edit_status(ctx, *auth.account, path_id(req), changes);
    auto view = services::show_status(ctx, auth.account->id, edited.id);
    return http::Response::json(entities::status(view, render_context(ctx)));
  });

  router.get("/api/v1/statuses/:id/history", [&ctx](http::Request& req) {
    auto auth = authorize_if_token(ctx, req, {"read:statuses"});
    std::optional<int64_t> viewer;
    if (auth && auth->account) viewer = auth->account->id;
    auto rc = render_context(ctx);
    boost::json::array body;
    for (const auto& v : services::status_history(ctx, viewer, path_id(req))) body.push_back(entities::status_edit(v, rc));
    return http::Response::json(body);
  });

  router.get("/api/v1/statuses/:id/source", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:statuses"});
    auto s = services::status_source(ctx, *auth.account, path_id(req));
    return http::Response::json(
        boost::json::object{{"id", std::to_string(s.id)}, {"text", s.text}, {"spoiler_text", s.spoiler_text}});
  });
}

}  // namespace agora::api
