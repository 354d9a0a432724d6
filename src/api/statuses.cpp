// Statuses: POST /api/v1/statuses, GET and DELETE /api/v1/statuses/:id, and
// GET /api/v1/statuses?id[]= (many at once).
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/render.h"
#include "api/status_params.h"
#include "entities/scheduled_status.h"
#include "entities/status.h"
#include "http/params.h"
#include "services/scheduled_statuses.h"
#include "services/statuses.h"

namespace agora::api {

namespace {

// The most statuses GET /api/v1/statuses returns at once (as a timeline page).
constexpr size_t kMaxBatchIds = 20;

std::optional<int64_t> optional_id(const http::Request& req, std::string_view key) {
  auto text = http::param_string(req.params, key);
  if (!text || text->empty()) return std::nullopt;
  try {
    size_t used = 0;
    int64_t id = std::stoll(*text, &used);
    if (used == text->size()) return id;
  } catch (const std::exception&) {
  }
  return 0;  // no status has id 0: Mastodon's lookup fails the same way
}

services::NewStatus new_status_from(const http::Request& req, const services::Auth& auth) {
  services::NewStatus s;
  s.text = http::param_string(req.params, "status").value_or("");
  s.spoiler_text = http::param_string(req.params, "spoiler_text").value_or("");
  s.sensitive = http::param_bool(req.params, "sensitive");
  s.visibility = http::param_string(req.params, "visibility");
  s.language = http::param_string(req.params, "language");
  s.in_reply_to_id = optional_id(req, "in_reply_to_id");
  s.media_ids = id_list_param(req, "media_ids");
  s.poll = poll_param(req);
  s.application_id = auth.token.application_id;
  if (auto key = req.headers.get("Idempotency-Key"); key && !key->empty())
    s.idempotency_key = std::string(key->substr(0, 255));
  return s;
}

boost::json::object with_source(boost::json::object status, const model::Status& s) {
  status["text"] = s.text;
  return status;
}

}  // namespace

void register_status_routes(http::Router& router, services::Context& ctx) {
  router.post("/api/v1/statuses", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    auto outcome = services::post_or_schedule(ctx, *auth.account, new_status_from(req, auth),
                                              http::param_string(req.params, "scheduled_at"));
    if (auto* scheduled = std::get_if<model::ScheduledStatus>(&outcome))
      return http::Response::json(entities::scheduled_status(*scheduled, render_context(ctx)));
    auto view = services::show_status(ctx, auth.account->id, std::get<model::Status>(outcome).id);
    return http::Response::json(entities::status(view, render_context(ctx)));
  });

  router.get("/api/v1/statuses/:id", [&ctx](http::Request& req) {
    auto auth = authorize_if_token(ctx, req, {"read:statuses"});
    std::optional<int64_t> viewer;
    if (auth && auth->account) viewer = auth->account->id;
    auto view = services::show_status(ctx, viewer, path_id(req));
    return http::Response::json(entities::status(view, render_context(ctx)));
  });

  router.get("/api/v1/statuses", [&ctx](http::Request& req) {
    auto auth = authorize_if_token(ctx, req, {"read:statuses"});
    std::optional<int64_t> viewer;
    if (auth && auth->account) viewer = auth->account->id;
    auto ids = id_list_param(req, "id");
    if (ids.size() > kMaxBatchIds) ids.resize(kMaxBatchIds);
    boost::json::array body;
    auto rc = render_context(ctx);
    for (const auto& v : services::show_statuses(ctx, viewer, ids)) body.push_back(entities::status(v, rc));
    return http::Response::json(body);
  });

  // No translation service is configured: say so, as Mastodon does when its
  // translation backend is unavailable, after the usual checks.
  router.post("/api/v1/statuses/:id/translate", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:statuses"});
    services::show_status(ctx, auth.account->id, path_id(req));
    return http::Response::error(503, "Translation is not available on this server");
  });

  router.del("/api/v1/statuses/:id", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"write:statuses"});
    bool delete_media = http::param_bool(req.params, "delete_media").value_or(false);
    auto view = services::delete_status(ctx, *auth.account, path_id(req), delete_media);
    return http::Response::json(with_source(entities::status(view, render_context(ctx)), view.status));
  });
}

}  // namespace agora::api
