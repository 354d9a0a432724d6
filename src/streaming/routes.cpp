#include <boost/json.hpp>

#include "core/errors.h"
#include "http/headers.h"
#include "services/auth.h"
#include "streaming/session.h"
#include "streaming/streaming.h"

namespace agora::streaming {

namespace {

struct Token {
  std::string value;
  bool from_protocol = false;  // sent as Sec-WebSocket-Protocol: echoed back on the upgrade
};

// Where Mastodon's streaming server looks, in its order.
std::optional<Token> token_of(const http::Request& req) {
  if (auto h = req.headers.get("Authorization")) {
    std::string_view v = *h;
    if (v.starts_with("Bearer ")) v.remove_prefix(7);
    return Token{std::string(v)};
  }
  if (auto* p = req.params.if_contains("access_token"); p && p->is_string() && !p->as_string().empty())
    return Token{std::string(p->as_string())};
  if (auto h = req.headers.get("Sec-WebSocket-Protocol"); h && !h->empty()) return Token{std::string(*h), true};
  return std::nullopt;
}

Viewer authenticate(services::Context& ctx, const http::Request& req, const Token& token) {
  try {
    auto auth = services::authenticate(ctx, token.value, req.remote_address);
    if (!auth.user || !auth.account) throw StreamError{401, "Invalid access token"};
    services::require_usable_login(auth);
    return Viewer{*auth.account, auth.token.id, auth.token.scopes, token.value};
  } catch (const Error&) {
    throw StreamError{401, "Invalid access token"};
  }
}

Channel checked_channel(services::Context& ctx, const Viewer& viewer, const std::string& name,
                        const boost::json::object& params) {
  Channel probe;
  probe.kind = name == "user:notification" ? Channel::Kind::notifications : Channel::Kind::user;
  if (!scopes_allow(viewer.scopes, probe)) throw StreamError{401, "Access token does not have the required scopes"};
  Channel c = channel_named(name, params);
  if (c.kind == Channel::Kind::list && !services::stream_rules::owns_list(ctx, viewer.account, c.timeline.list_id))
    throw StreamError{401, "Not authorized to stream this list"};
  return c;
}

bool truthy(const boost::json::object& params, const char* key) {
  auto* v = params.if_contains(key);
  if (!v) return false;
  if (v->is_bool()) return v->as_bool();
  if (v->is_string()) {
    std::string s(v->as_string());
    return s == "true" || s == "1" || s == "True" || s == "on";
  }
  return v->is_int64() && v->as_int64() != 0;
}

http::Response refusal(const StreamError& e) { return http::Response::error(e.status, e.message); }

http::Response serve_events(Hub& hub, http::Request& req) {
  try {
    auto name = name_from_path(req.path, truthy(req.params, "only_media"));
    if (!name) throw StreamError{400, "Unknown channel requested"};
    auto token = token_of(req);
    if (!token) throw StreamError{401, "Missing access token"};
    Viewer viewer = authenticate(hub.context(), req, *token);
    Channel channel = checked_channel(hub.context(), viewer, *name, req.params);
    auto session = std::make_shared<Session>(hub, hub.context(), std::move(viewer), false);
    session->add_channel(std::move(channel));
    http::Response res;
    res.stream = session;
    res.stream_kind = http::StreamKind::server_sent_events;
    return res;
  } catch (const StreamError& e) {
    return refusal(e);
  }
}

http::Response serve_websocket(Hub& hub, http::Request& req) {
  try {
    if (!http::iequals(req.headers.get_or("Upgrade", ""), "websocket"))
      throw StreamError{400, "Unknown channel requested"};
    auto token = token_of(req);
    if (!token) throw StreamError{401, "Missing access token"};
    Viewer viewer = authenticate(hub.context(), req, *token);
    auto session = std::make_shared<Session>(hub, hub.context(), viewer, true);
    // A stream named in the URL is subscribed at once, as Mastodon does.
    if (auto* s = req.params.if_contains("stream"); s && s->is_string())
      session->add_channel(checked_channel(hub.context(), viewer, std::string(s->as_string()), req.params));
    http::Response res;
    res.stream = session;
    res.stream_kind = http::StreamKind::websocket;
    if (token->from_protocol) res.websocket_protocol = token->value;
    return res;
  } catch (const StreamError& e) {
    return refusal(e);
  }
}

}  // namespace

void register_routes(http::Router& router, Hub& hub) {
  router.get("/api/v1/streaming/health", [](http::Request&) { return http::Response::text("OK", "text/plain"); });
  router.get("/api/v1/streaming", [&hub](http::Request& req) { return serve_websocket(hub, req); });
  router.get("/api/v1/streaming/*rest", [&hub](http::Request& req) { return serve_events(hub, req); });
}

}  // namespace agora::streaming
