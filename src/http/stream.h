// Long-lived responses (Server-Sent Events and WebSocket) without Beast
// types: a handler answers with Response::stream set, the server keeps the
// connection and drives the StreamHandler, and the handler's code sends
// through the StreamSink from any thread.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

namespace agora::http {

enum class StreamKind { server_sent_events, websocket };

// The server's end of one open stream; thread-safe.
class StreamSink {
 public:
  virtual ~StreamSink() = default;
  // Queues one message: raw text for Server-Sent Events, a text frame for a
  // WebSocket. False when the stream is closed. A client that does not read
  // fills its bounded queue and is disconnected: memory never grows.
  virtual bool send(std::string message) = 0;
  // Ends the stream (what is queued is still sent, unless the client is stuck).
  virtual void close() = 0;
  virtual bool is_open() const = 0;
};

// What the handler gives the server. Calls come from the server's handler
// threads, one at a time per stream.
class StreamHandler {
 public:
  virtual ~StreamHandler() = default;
  virtual void opened(std::shared_ptr<StreamSink> sink) = 0;
  // One WebSocket text message (at most kMaxWebSocketMessage bytes).
  virtual void received(const std::string& text) { (void)text; }
  // Once, after the connection ended for any reason.
  virtual void closed() {}
};

struct StreamLimits {
  static constexpr size_t kMaxQueuedMessages = 1000;
  static constexpr size_t kMaxQueuedBytes = 512 * 1024;
  static constexpr size_t kMaxWebSocketMessage = 16 * 1024;
  static constexpr int kHeartbeatSeconds = 15;  // ":thump" for SSE, a ping for WebSocket
};

}  // namespace agora::http
