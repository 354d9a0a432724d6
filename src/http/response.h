// An HTTP response as handlers build it.
#pragma once
#include <boost/json/value.hpp>
#include <memory>
#include <string>

#include "http/headers.h"
#include "http/stream.h"

namespace agora::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // Set for a long-lived response (see http/stream.h): the server sends the
  // status and headers, then lets `stream` talk on the connection.
  std::shared_ptr<StreamHandler> stream;
  StreamKind stream_kind = StreamKind::server_sent_events;
  std::string websocket_protocol;  // echoed as Sec-WebSocket-Protocol when set

  static Response json(const boost::json::value& value, int status = 200);
  // An array or object is serialized as it is: passed as a value, it would be
  // copied whole first (a page of statuses is thousands of nodes).
  static Response json(const boost::json::array& value, int status = 200);
  static Response json(const boost::json::object& value, int status = 200);
  static Response text(std::string body, std::string content_type, int status = 200);
  // Mastodon's error body: {"error": "...", "details": {...}?}.
  static Response error(int status, const std::string& message, const boost::json::value& details = nullptr);
};

}  // namespace agora::http
