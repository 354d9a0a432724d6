#include "streaming/channels.h"

#include <algorithm>
#include <charconv>

#include "text/hashtags.h"

namespace agora::streaming {

namespace {

std::string param(const boost::json::object& params, const char* key) {
  auto* v = params.if_contains(key);
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return "";
}

bool has(const std::vector<std::string>& scopes, std::string_view scope) {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

}  // namespace

std::optional<std::string> name_from_path(const std::string& path, bool only_media) {
  const std::string prefix = "/api/v1/streaming";
  if (path.rfind(prefix, 0) != 0) return std::nullopt;
  std::string rest = path.substr(prefix.size());
  std::string media = only_media ? ":media" : "";
  if (rest == "/user") return "user";
  if (rest == "/user/notification") return "user:notification";
  if (rest == "/public") return "public" + media;
  if (rest == "/public/local") return "public:local" + media;
  if (rest == "/public/remote") return "public:remote" + media;
  if (rest == "/hashtag") return "hashtag";
  if (rest == "/hashtag/local") return "hashtag:local";
  if (rest == "/direct") return "direct";
  if (rest == "/list") return "list";
  return std::nullopt;
}

Channel channel_named(const std::string& name, const boost::json::object& params) {
  using Kind = Channel::Kind;
  using TKind = services::stream_rules::Timeline::Kind;
  Channel c;
  c.name = name;
  c.stream = {boost::json::value(name)};
  if (name == "user") {
    c.kind = Kind::user;
    c.timeline.kind = TKind::home;
  } else if (name == "user:notification") {
    c.kind = Kind::notifications;
  } else if (name == "direct") {
    c.kind = Kind::direct;
  } else if (name.rfind("public", 0) == 0) {
    static const char* names[] = {"public", "public:media", "public:local", "public:local:media",
                                  "public:remote", "public:remote:media"};
    if (std::find(std::begin(names), std::end(names), name) == std::end(names))
      throw StreamError{400, "Unknown stream type"};
    c.kind = Kind::public_;
    c.timeline.kind = TKind::public_;
    c.timeline.options.local = name.find(":local") != std::string::npos;
    c.timeline.options.remote = name.find(":remote") != std::string::npos;
    c.timeline.options.only_media = name.ends_with(":media");
  } else if (name == "hashtag" || name == "hashtag:local") {
    std::string tag = param(params, "tag");
    if (tag.empty()) throw StreamError{400, "Missing tag name parameter"};
    if (tag.size() > 256) throw StreamError{400, "Unknown stream type"};
    c.kind = Kind::hashtag;
    c.timeline.kind = TKind::hashtag;
    c.timeline.tag = text::normalize_hashtag(tag);
    c.timeline.options.local = name == "hashtag:local";
    c.stream.push_back(boost::json::value(tag));
  } else if (name == "list") {
    std::string list = param(params, "list");
    if (list.empty()) throw StreamError{400, "Missing list name parameter"};
    int64_t id = 0;
    auto [p, ec] = std::from_chars(list.data(), list.data() + list.size(), id);
    if (ec != std::errc() || p != list.data() + list.size()) throw StreamError{401, "Not authorized to stream this list"};
    c.kind = Kind::list;
    c.timeline.kind = TKind::list;
    c.timeline.list_id = id;
    c.stream.push_back(boost::json::value(list));
  } else {
    throw StreamError{400, "Unknown stream type"};
  }
  return c;
}

bool scopes_allow(const std::vector<std::string>& scopes, const Channel& channel) {
  if (has(scopes, "read")) return true;
  return has(scopes, channel.kind == Channel::Kind::notifications ? "read:notifications" : "read:statuses");
}

}  // namespace agora::streaming
