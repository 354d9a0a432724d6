// The HTTP/1.1 server. Threading model: `io_threads` run Asio's event loop
// (accepting, reading, writing; one strand per connection), and every
// request is handed to a separate pool of `handler_threads`, where handlers
// may block on the database. A slow handler never stalls other sockets.
// This header is free of Beast/Asio; only server.cpp includes them.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace agora::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 3000;  // 0 picks a free port
  int io_threads = 1;
  int handler_threads = 2;
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;         // JSON and form bodies
  size_t max_upload_bytes = 16 * 1024 * 1024;  // multipart/form-data bodies (files)
  // Paths (without the query) whose multipart bodies may be up to
  // max_media_upload_bytes: media uploads take Mastodon's 99 MB video limit.
  std::function<bool(std::string_view path)> is_media_upload;
  size_t max_media_upload_bytes = 100 * 1024 * 1024;
  std::chrono::seconds read_timeout{30};    // to receive a whole request
  std::chrono::seconds idle_timeout{75};    // keep-alive wait for the next one
  std::chrono::seconds shutdown_grace{10};  // in-flight requests finish within this
  bool access_log = true;
};

using RequestHandler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, RequestHandler handler);
  ~Server();
  // Binds and listens; returns the port (useful with port 0). Throws on failure.
  uint16_t listen();
  // Serves until SIGINT/SIGTERM or stop(), then stops accepting, lets
  // in-flight requests finish (up to shutdown_grace) and returns.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace agora::http
