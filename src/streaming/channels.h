// Mastodon's stream names ("user", "public:local:media", "hashtag", "list", …)
// and the timelines behind them.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "services/stream_rules.h"

namespace agora::streaming {

// A refusal as Mastodon's streaming server words it: 400 for requests,
// 401 for authentication and scopes.
struct StreamError {
  int status;
  std::string message;
};

struct Channel {
  enum class Kind { user, notifications, public_, hashtag, list, direct } kind = Kind::user;
  std::string name;                        // "public:local", as clients name it
  services::stream_rules::Timeline timeline;  // user, public_, hashtag and list
  boost::json::array stream;               // the "stream" of WebSocket messages: ["hashtag", "cats"]

  bool same_as(const Channel& other) const { return stream == other.stream; }
};

// The stream of an SSE path ("/api/v1/streaming/public/local") with
// only_media; nullopt for unknown paths.
std::optional<std::string> name_from_path(const std::string& path, bool only_media);

// `params` holds tag / list. Throws StreamError ("Unknown stream type",
// "Missing tag name parameter", "Missing list name parameter"); list
// ownership is checked by the caller.
Channel channel_named(const std::string& name, const boost::json::object& params);

// The scopes Mastodon asks for: read, or read:statuses (read:notifications
// for the notification stream), named exactly.
bool scopes_allow(const std::vector<std::string>& scopes, const Channel& channel);

}  // namespace agora::streaming
