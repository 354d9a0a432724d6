#include "streaming/session.h"

#include <boost/json.hpp>

#include "core/log.h"
#include "entities/announcement.h"
#include "entities/conversation.h"
#include "entities/notification.h"
#include "entities/status.h"
#include "services/render_context.h"
#include "services/stream_events.h"
#include "services/stream_rules.h"
#include "streaming/hub.h"

namespace agora::streaming {

namespace json = boost::json;
namespace rules = services::stream_rules;
using Kind = Channel::Kind;

namespace {

int64_t id_in(const std::string& payload, const char* key) {
  std::error_code ec;
  auto v = json::parse(payload, ec);
  if (ec || !v.is_object()) return 0;
  auto* f = v.as_object().if_contains(key);
  if (!f || !f->is_string()) return 0;
  try {
    return std::stoll(std::string(f->as_string()));
  } catch (...) {
    return 0;
  }
}

bool carries_statuses(Kind k) { return k == Kind::user || k == Kind::list || k == Kind::public_ || k == Kind::hashtag; }

}  // namespace

Session::Session(Hub& hub, services::Context& ctx, Viewer viewer, bool websocket)
    : hub_(hub), ctx_(ctx), viewer_(std::move(viewer)), websocket_(websocket) {}

void Session::add_channel(Channel channel) {
  std::lock_guard lock(mutex_);
  for (const auto& c : channels_)
    if (c.same_as(channel)) return;
  channels_.push_back(std::move(channel));
}

std::vector<Channel> Session::channels() const {
  std::lock_guard lock(mutex_);
  return channels_;
}

void Session::opened(std::shared_ptr<http::StreamSink> sink) {
  {
    std::lock_guard lock(mutex_);
    sink_ = std::move(sink);
  }
  hub_.add(shared_from_this());
}

void Session::closed() { hub_.remove(this); }

void Session::close() {
  std::lock_guard lock(mutex_);
  if (sink_) sink_->close();
}

void Session::received(const std::string& text) {
  std::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return;  // as Mastodon: malformed messages are ignored
  const auto& o = v.as_object();
  auto string_at = [&](const char* key) -> std::string {
    auto* f = o.if_contains(key);
    if (f && f->is_string()) return std::string(f->as_string());
    if (f && f->is_array() && !f->as_array().empty() && f->as_array()[0].is_string())
      return std::string(f->as_array()[0].as_string());
    return "";
  };
  std::string type = string_at("type"), stream = string_at("stream");
  try {
    if (type == "subscribe") subscribe(stream, o);
    else if (type == "unsubscribe") unsubscribe(stream, o);
  } catch (const StreamError& e) {
    send_error(e);
  }
}

void Session::subscribe(const std::string& name, const json::object& params) {
  Channel c = channel_named(name, params);
  if (!scopes_allow(viewer_.scopes, c)) throw StreamError{401, "Access token does not have the required scopes"};
  if (c.kind == Kind::list && !rules::owns_list(ctx_, viewer_.account, c.timeline.list_id))
    throw StreamError{401, "Not authorized to stream this list"};
  add_channel(std::move(c));
}

void Session::unsubscribe(const std::string& name, const json::object& params) {
  Channel c = channel_named(name, params);
  std::lock_guard lock(mutex_);
  std::erase_if(channels_, [&](const Channel& x) { return x.same_as(c); });
}

void Session::send_error(const StreamError& e) {
  std::lock_guard lock(mutex_);
  if (sink_) sink_->send(json::serialize(json::object{{"error", e.message}, {"status", e.status}}));
}

std::string Session::message(const Channel& channel, const std::string& event,
                             const std::optional<std::string>& payload) const {
  if (websocket_) {
    json::object o{{"stream", channel.stream}, {"event", event}};
    if (payload) o["payload"] = *payload;
    return json::serialize(o);
  }
  // As Mastodon's: an event without payload says "undefined".
  return "event: " + event + "\ndata: " + payload.value_or("undefined") + "\n\n";
}

void Session::send(const Channel& channel, const std::string& event, const std::optional<std::string>& payload) {
  send_message(message(channel, event, payload));
}

void Session::send_message(std::string message) {
  std::lock_guard lock(mutex_);
  if (sink_) sink_->send(std::move(message));
}

void Session::deliver(const events::Event& e, DeliveryCache& cache) {
  auto current = channels();
  if (current.empty()) return;
  if (e.channel == services::stream_events::kStatuses) {
    if (e.event == "delete") deliver_delete(e.payload, current);
    else deliver_status(e.event, id_in(e.payload, "id"), current, cache);
  } else if (e.channel == services::stream_events::account_channel(viewer_.account.id)) {
    deliver_own(e, current);
  } else if (e.channel == services::stream_events::kAnnouncements) {
    deliver_announcement(e, current);
  }
}

void Session::deliver_status(const std::string& event, int64_t id, const std::vector<Channel>& channels,
                             DeliveryCache& cache) {
  if (!id) return;
  for (const auto& c : channels) {
    if (!carries_statuses(c.kind)) continue;
    std::string key = std::to_string(viewer_.account.id) + (websocket_ ? " ws " : " sse ") + json::serialize(c.stream);
    auto it = cache.find(key);
    if (it == cache.end()) {
      std::optional<std::string> rendered;
      if (auto view = rules::on_timeline(ctx_, viewer_.account, c.timeline, id))
        rendered = message(c, event, json::serialize(entities::status(*view, services::render_context(ctx_))));
      it = cache.emplace(std::move(key), std::move(rendered)).first;
    }
    if (it->second) send_message(*it->second);
  }
}

void Session::deliver_delete(const std::string& payload, const std::vector<Channel>& channels) {
  std::error_code ec;
  auto v = json::parse(payload, ec);
  if (ec || !v.is_object()) return;
  rules::DeletedStatus d;
  d.id = id_in(payload, "id");
  d.account_id = id_in(payload, "account_id");
  auto& o = v.as_object();
  if (auto* vis = o.if_contains("visibility"); vis && vis->is_string())
    d.visibility = model::parse_visibility(std::string(vis->as_string())).value_or(model::Visibility::direct);
  if (auto* m = o.if_contains("mentioned"); m && m->is_array())
    for (auto& x : m->as_array())
      if (x.is_string()) d.mentioned.push_back(std::stoll(std::string(x.as_string())));
  std::optional<bool> seen;
  for (const auto& c : channels) {
    bool show = false;
    if (c.kind == Kind::public_ || c.kind == Kind::hashtag) {
      show = d.visibility == model::Visibility::public_;
    } else if (c.kind == Kind::user || c.kind == Kind::list) {
      if (!seen) seen = rules::may_have_seen(ctx_, viewer_.account, d);
      show = *seen;
    }
    if (show) send(c, "delete", std::to_string(d.id));
  }
}

void Session::deliver_own(const events::Event& e, const std::vector<Channel>& channels) {
  auto rc = services::render_context(ctx_);
  if (e.event == "notification") {
    bool user_gets_them = scopes_allow(viewer_.scopes, Channel{Kind::notifications});
    std::optional<std::string> rendered;
    for (const auto& c : channels) {
      if (!(c.kind == Kind::notifications || (c.kind == Kind::user && user_gets_them))) continue;
      if (!rendered) {
        auto n = rules::notification(ctx_, viewer_.account, id_in(e.payload, "id"));
        if (!n) return;
        rendered = json::serialize(entities::notification(*n, rc));
      }
      send(c, "notification", rendered);
    }
  } else if (e.event == "conversation") {
    for (const auto& c : channels)
      if (c.kind == Kind::direct)
        if (auto conv = rules::conversation(ctx_, viewer_.account, id_in(e.payload, "status_id")))
          send(c, "conversation", json::serialize(entities::conversation(*conv, rc)));
  } else if (e.event == "filters_changed") {
    for (const auto& c : channels)
      if (c.kind == Kind::user) send(c, "filters_changed", std::nullopt);
  }
}

void Session::deliver_announcement(const events::Event& e, const std::vector<Channel>& channels) {
  auto rc = services::render_context(ctx_);
  for (const auto& c : channels) {
    if (c.kind != Kind::user) continue;
    if (e.event == "announcement.delete") {
      send(c, e.event, std::to_string(id_in(e.payload, "id")));
    } else if (e.event == "announcement") {
      if (auto a = rules::announcement(ctx_, viewer_.account, id_in(e.payload, "id")))
        send(c, e.event, json::serialize(entities::announcement(*a, rc)));
    } else if (e.event == "announcement.reaction") {
      int64_t id = id_in(e.payload, "announcement_id");
      auto a = rules::announcement(ctx_, viewer_.account, id);
      if (!a) continue;
      std::string name = json::parse(e.payload).as_object().at("name").as_string().c_str();
      int64_t count = 0;
      for (const auto& r : a->reactions)
        if (r.name == name) count = r.count;
      send(c, e.event,
           json::serialize(json::object{{"name", name}, {"count", count}, {"announcement_id", std::to_string(id)}}));
    }
  }
}

}  // namespace agora::streaming
