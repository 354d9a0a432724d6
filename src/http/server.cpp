// The only translation unit that includes Boost.Beast and Boost.Asio.
#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <thread>

#include "core/log.h"
#include "core/time.h"
#include "http/multipart.h"
#include "http/params.h"
#include "http/stream.h"

namespace agora::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto as_tuple = asio::as_tuple(use_awaitable);

namespace {

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)), executor(stream.get_executor()) {}
  beast::tcp_stream stream;   // moved into a WebSocket stream once upgraded
  asio::any_io_executor executor;  // the connection's strand
  bool busy = false;  // a request is being handled; only touched on the connection's strand
  std::function<void()> end_stream;  // set while a long-lived stream runs: closes it (on the strand)
};

// One open stream's outbound queue: filled by StreamSink::send from any
// thread, drained by the writer coroutine on the connection's strand.
struct LiveStream final : StreamSink, std::enable_shared_from_this<LiveStream> {
  explicit LiveStream(asio::any_io_executor ex) : executor(ex), wake(ex) {}

  asio::any_io_executor executor;
  asio::steady_timer wake;       // the writer waits on it; cancelled to wake it (strand only)
  std::function<void()> abort;   // drops the connection at once (strand only)
  mutable std::mutex mutex;
  std::deque<std::string> queue;
  size_t queued_bytes = 0;
  bool open = true;

  bool send(std::string message) override {
    bool overflow = false;
    {
      std::lock_guard lock(mutex);
      if (!open) return false;
      if (queue.size() >= StreamLimits::kMaxQueuedMessages ||
          queued_bytes + message.size() > StreamLimits::kMaxQueuedBytes) {
        // The client does not read: drop it rather than buffer without bound.
        open = false;
        overflow = true;
        queue.clear();
        queued_bytes = 0;
      } else {
        queued_bytes += message.size();
        queue.push_back(std::move(message));
      }
    }
    if (overflow) {
      log::warn("dropping a stream whose client does not read");
      asio::post(executor, [self = shared_from_this()] {
        if (self->abort) self->abort();
      });
      return false;
    }
    notify();
    return true;
  }

  void close() override {
    {
      std::lock_guard lock(mutex);
      open = false;
    }
    notify();
  }

  bool is_open() const override {
    std::lock_guard lock(mutex);
    return open;
  }

  void notify() {
    asio::post(executor, [self = shared_from_this()] { self->wake.cancel(); });
  }

  // What to write next (strand only); empty when nothing is queued.
  std::deque<std::string> take(bool& still_open) {
    std::lock_guard lock(mutex);
    still_open = open;
    queued_bytes = 0;
    return std::exchange(queue, {});
  }
};

constexpr auto kStreamWriteTimeout = std::chrono::seconds(60);

// A stream's socket buffers little in the kernel: what a slow client has not
// read waits in the bounded queue, where it is counted.
void limit_send_buffer(tcp::socket& socket) {
  beast::error_code ignored;
  socket.set_option(asio::socket_base::send_buffer_size(64 * 1024), ignored);
}

// The request target with secrets in the query (access_token, code) masked.
std::string loggable_target(const std::string& target) {
  std::string out = target;
  for (const char* key : {"access_token=", "code=", "confirmation_token=", "reset_password_token="}) {
    size_t pos = 0;
    while ((pos = out.find(key, pos)) != std::string::npos) {
      if (pos > 0 && out[pos - 1] != '?' && out[pos - 1] != '&') {
        pos += 1;
        continue;
      }
      size_t start = pos + std::strlen(key);
      size_t end = out.find('&', start);
      out.replace(start, (end == std::string::npos ? out.size() : end) - start, "[FILTERED]");
      pos = start;
    }
  }
  return out;
}

std::string error_body(const char* message) { return std::string(R"({"error":")") + message + "\"}"; }

}  // namespace

struct Server::Impl {
  ServerOptions options;
  RequestHandler handler;
  asio::io_context io{options.io_threads};
  asio::thread_pool handlers{static_cast<size_t>(options.handler_threads)};
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::list<std::weak_ptr<Connection>> connections;

  Impl(ServerOptions o, RequestHandler h) : options(std::move(o)), handler(std::move(h)) {}

  awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), as_tuple);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        log::warn("accept failed: {}", ec.message());
        continue;
      }
      auto conn = std::make_shared<Connection>(std::move(socket));
      std::list<std::weak_ptr<Connection>>::iterator entry;
      {
        std::lock_guard lock(connections_mutex);
        entry = connections.insert(connections.end(), conn);
      }
      auto executor = conn->stream.get_executor();
      asio::co_spawn(executor, connection(conn), [this, entry](std::exception_ptr e) {
        {
          std::lock_guard lock(connections_mutex);
          connections.erase(entry);
        }
        if (e) {
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& ex) {
            log::error("connection failed: {}", ex.what());
          }
        }
      });
    }
  }

  awaitable<void> write_error(Connection& c, bhttp::status status, const char* message) {
    bhttp::response<bhttp::string_body> res{status, 11};
    res.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res.set(bhttp::field::connection, "close");
    res.body() = error_body(message);
    res.prepare_payload();
    c.stream.expires_after(std::chrono::seconds(5));
    co_await bhttp::async_write(c.stream, res, as_tuple);
  }

  // A request answered with a stream: what serving it needs once the
  // request loop's frame (its buffers and parser) is gone.
  struct PendingStream {
    bhttp::request<bhttp::string_body> upgrade;  // the WebSocket upgrade request (empty for SSE)
    Response res;
    bool websocket = false;
  };

  // One connection: requests until one opens a stream, then the stream. The
  // request loop returns first, so an open stream (of thousands, for hours)
  // holds only its own state.
  awaitable<void> connection(std::shared_ptr<Connection> conn) {
    auto stream = co_await session(conn);
    if (!stream) co_return;
    if (stream->websocket)
      co_await serve_websocket(conn, stream->upgrade, std::move(stream->res));
    else
      co_await serve_events(conn, std::move(stream->res));
  }

  awaitable<std::optional<PendingStream>> session(std::shared_ptr<Connection> conn) {
    Connection& c = *conn;
    beast::flat_buffer buffer;
    std::string remote;
    {
      beast::error_code ec;
      auto ep = c.stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    for (;;) {
      if (stopping) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<uint32_t>(options.max_header_bytes));
      // The real limit depends on the Content-Type, known once the header is read.
      parser.body_limit(std::max({options.max_body_bytes, options.max_upload_bytes, options.max_media_upload_bytes}));

      // Wait for the next request; a keep-alive connection may idle this long.
      c.stream.expires_after(buffer.size() ? options.read_timeout : options.idle_timeout);
      auto [ec, n] = co_await bhttp::async_read_header(c.stream, buffer, parser, as_tuple);
      if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
          ec == beast::error::timeout || ec == asio::error::connection_reset || ec == asio::error::eof)
        break;
      if (ec == bhttp::error::header_limit) {
        co_await write_error(c, bhttp::status::request_header_fields_too_large, "Request header fields too large");
        break;
      }
      if (ec == bhttp::error::body_limit) {  // a Content-Length over the limit: refused unread
        co_await write_error(c, bhttp::status::payload_too_large, "Request entity too large");
        break;
      }
      if (ec) {
        co_await write_error(c, bhttp::status::bad_request, "Bad request");
        break;
      }
      c.busy = true;
      const auto& header = parser.get();
      auto content_type = header[bhttp::field::content_type];
      bool multipart = is_multipart_form(std::string_view(content_type.data(), content_type.size()));
      size_t body_limit = multipart ? options.max_upload_bytes : options.max_body_bytes;
      std::string_view target(header.target().data(), header.target().size());
      if (multipart && options.is_media_upload && options.is_media_upload(target.substr(0, target.find('?'))))
        body_limit = options.max_media_upload_bytes;
      if (auto len = parser.content_length(); len && *len > body_limit) {
        co_await write_error(c, bhttp::status::payload_too_large, "Request entity too large");
        break;
      }
      parser.body_limit(body_limit);
      if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
        co_await bhttp::async_write(c.stream, cont, as_tuple);
      }
      c.stream.expires_after(options.read_timeout);
      std::tie(ec, n) = co_await bhttp::async_read(c.stream, buffer, parser, as_tuple);
      if (ec == bhttp::error::body_limit) {
        co_await write_error(c, bhttp::status::payload_too_large, "Request entity too large");
        break;
      }
      if (ec == beast::error::timeout) {
        co_await write_error(c, bhttp::status::request_timeout, "Request timeout");
        break;
      }
      if (ec) {
        if (ec != asio::error::eof && ec != asio::error::connection_reset && ec != bhttp::error::end_of_stream)
          co_await write_error(c, bhttp::status::bad_request, "Bad request");
        break;
      }

      auto msg = parser.release();
      Request req;
      req.received_at_ms = now_ms();
      req.method = std::string(msg.method_string());
      req.target = std::string(msg.target());
      req.remote_address = remote;
      for (const auto& field : msg) req.headers.add(std::string(field.name_string()), std::string(field.value()));
      req.body = std::move(msg.body());
      bool keep_alive = msg.keep_alive();
      bool head = msg.method() == bhttp::verb::head;

      auto started = std::chrono::steady_clock::now();
      Response res = co_await asio::co_spawn(
          handlers, [this, &req]() -> awaitable<Response> { co_return run_handler(req); }, use_awaitable);
      auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);

      if (res.stream) {
        if (options.access_log)
          log::info("{} {} {} {} stream", req.remote_address, req.method, loggable_target(req.target), res.status);
        bool upgrade = res.stream_kind == StreamKind::websocket && websocket::is_upgrade(msg);
        PendingStream stream{upgrade ? std::move(msg) : bhttp::request<bhttp::string_body>(), std::move(res), upgrade};
        co_return stream;
      }

      bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), msg.version()};
      for (const auto& [name, value] : res.headers.all()) out.insert(name, value);
      out.set(bhttp::field::date, format_http_date(now_ms()));
      size_t body_size = res.body.size();
      out.body() = std::move(res.body);
      out.prepare_payload();
      if (head) out.body().clear();  // Content-Length stays that of the GET
      keep_alive = keep_alive && !stopping;
      out.keep_alive(keep_alive);
      c.stream.expires_after(options.read_timeout);
      auto [wec, written] = co_await bhttp::async_write(c.stream, out, as_tuple);
      c.busy = false;
      if (options.access_log)
        log::info("{} {} {} {} {}B {:.2f}ms", req.remote_address, req.method, loggable_target(req.target),
                  res.status, body_size, micros.count() / 1000.0);
      if (wec || !keep_alive) break;
    }
    beast::error_code ignored;
    c.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    co_return std::nullopt;
  }

  // Runs `work` on the handler pool (handlers may block), resuming on the strand.
  template <class F>
  awaitable<void> on_handler_thread(F work) {
    co_await asio::co_spawn(
        handlers,
        [&work]() -> awaitable<void> {
          try {
            work();
          } catch (const std::exception& e) {
            log::error("stream handler failed: {}", e.what());
          }
          co_return;
        },
        use_awaitable);
  }

  // Writes what the stream queues until it closes; `write` sends one message,
  // `heartbeat` (if any) is written after kHeartbeatSeconds of silence.
  template <class Write>
  static awaitable<void> pump(std::shared_ptr<LiveStream> live, Write write, const char* heartbeat) {
    for (;;) {
      bool open = false;
      auto batch = live->take(open);
      bool failed = false;
      for (auto& message : batch)
        if (!co_await write(message)) {
          failed = true;
          break;
        }
      if (failed) break;
      if (!batch.empty()) continue;
      if (!open) break;
      live->wake.expires_after(std::chrono::seconds(StreamLimits::kHeartbeatSeconds));
      auto [ec] = co_await live->wake.async_wait(as_tuple);
      if (!ec && heartbeat && !co_await write(heartbeat)) break;
    }
    live->close();
  }

  // Server-Sent Events: a chunked text/event-stream response.
  awaitable<void> serve_events(std::shared_ptr<Connection> conn, Response res) {
    Connection& c = *conn;
    bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(res.status), 11};
    for (const auto& [name, value] : res.headers.all()) head.insert(name, value);
    head.set(bhttp::field::content_type, "text/event-stream");
    head.set(bhttp::field::cache_control, "no-store");
    head.set(bhttp::field::date, format_http_date(now_ms()));
    head.chunked(true);
    bhttp::response_serializer<bhttp::empty_body> serializer{head};
    c.stream.expires_after(options.read_timeout);
    auto [hec, hn] = co_await bhttp::async_write_header(c.stream, serializer, as_tuple);
    c.stream.expires_never();
    if (hec) co_return;

    limit_send_buffer(c.stream.socket());
    auto live = std::make_shared<LiveStream>(c.stream.get_executor());
    auto close_hard = [conn] {
      beast::error_code ignored;
      conn->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      conn->stream.socket().close(ignored);
    };
    live->abort = close_hard;
    c.end_stream = [live] { live->close(); };
    c.busy = false;
    auto handler = res.stream;
    live->send(":)\n");
    co_await on_handler_thread([&] { handler->opened(live); });

    auto write_chunk = [conn](const std::string& data) -> awaitable<bool> {
      std::string chunk = fmt::format("{:x}\r\n", data.size());
      chunk += data;
      chunk += "\r\n";
      conn->stream.expires_after(kStreamWriteTimeout);
      auto [ec, n] = co_await asio::async_write(conn->stream, asio::buffer(chunk), as_tuple);
      conn->stream.expires_never();
      co_return !ec;
    };
    asio::co_spawn(
        c.stream.get_executor(),
        [live, conn, write_chunk, close_hard]() -> awaitable<void> {
          co_await pump(live, write_chunk, ":thump\n");
          // The last chunk, then the connection ends (the reader below sees it).
          conn->stream.expires_after(std::chrono::seconds(5));
          co_await asio::async_write(conn->stream, asio::buffer(std::string_view("0\r\n\r\n")), as_tuple);
          close_hard();
        },
        asio::detached);

    // The client sends nothing more; reading tells when it goes away.
    char discard[512];
    for (;;) {
      auto [ec, n] = co_await c.stream.async_read_some(asio::buffer(discard), as_tuple);
      if (ec) break;
    }
    live->close();
    c.end_stream = nullptr;
    co_await on_handler_thread([&] { handler->closed(); });
  }

  // WebSocket: the upgrade, then text frames both ways.
  awaitable<void> serve_websocket(std::shared_ptr<Connection> conn, bhttp::request<bhttp::string_body>& upgrade,
                                  Response res) {
    auto ws = std::make_shared<websocket::stream<beast::tcp_stream>>(std::move(conn->stream));
    beast::get_lowest_layer(*ws).expires_never();
    // Pings after half the idle time; a peer that answers nothing for it is dropped.
    websocket::stream_base::timeout timeout{std::chrono::seconds(30),
                                            std::chrono::seconds(2 * StreamLimits::kHeartbeatSeconds), true};
    ws->set_option(timeout);
    ws->read_message_max(StreamLimits::kMaxWebSocketMessage);
    std::string protocol = res.websocket_protocol;
    ws->set_option(websocket::stream_base::decorator([protocol](websocket::response_type& r) {
      r.set(bhttp::field::server, "agora");
      if (!protocol.empty()) r.set(bhttp::field::sec_websocket_protocol, protocol);
    }));
    auto [aec] = co_await ws->async_accept(upgrade, as_tuple);
    if (aec) co_return;
    upgrade = bhttp::request<bhttp::string_body>();

    limit_send_buffer(beast::get_lowest_layer(*ws).socket());
    auto live = std::make_shared<LiveStream>(ws->get_executor());
    live->abort = [ws] {
      beast::error_code ignored;
      beast::get_lowest_layer(*ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
      beast::get_lowest_layer(*ws).socket().close(ignored);
    };
    conn->end_stream = [live] { live->close(); };
    conn->busy = false;
    auto handler = res.stream;
    co_await on_handler_thread([&] { handler->opened(live); });

    auto write_frame = [ws](const std::string& text) -> awaitable<bool> {
      ws->text(true);
      auto [ec, n] = co_await ws->async_write(asio::buffer(text), as_tuple);
      co_return !ec;
    };
    asio::co_spawn(
        ws->get_executor(),
        [live, ws, write_frame]() -> awaitable<void> {
          co_await pump(live, write_frame, nullptr);
          auto [ec] = co_await ws->async_close(websocket::close_code::normal, as_tuple);
          if (ec) live->abort();
        },
        asio::detached);

    beast::flat_buffer buffer;
    for (;;) {
      auto [ec, n] = co_await ws->async_read(buffer, as_tuple);
      if (ec) break;  // closed, or failed (a message over the limit fails it with close code 1009)
      if (ws->got_text()) {
        std::string text = beast::buffers_to_string(buffer.data());
        co_await on_handler_thread([&] { handler->received(text); });
      }
      buffer.consume(buffer.size());
    }
    live->close();
    conn->end_stream = nullptr;
    co_await on_handler_thread([&] { handler->closed(); });
  }

  Response run_handler(Request& req) {
    try {
      // Split target into decoded path and raw query.
      auto q = req.target.find('?');
      std::string_view raw_path = std::string_view(req.target).substr(0, q);
      if (q != std::string::npos) req.query = req.target.substr(q + 1);
      req.path = percent_decode(raw_path, false);
      return handler(req);
    } catch (const std::exception& e) {
      // percent_decode throws for malformed escapes in the path.
      Response r = Response::error(400, "Bad request");
      return r;
    }
  }

  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    log::info("shutting down: no new connections, finishing requests in flight");
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel();
    // Close idle keep-alive connections; busy ones close after their response.
    std::lock_guard lock(connections_mutex);
    for (auto& weak : connections) {
      if (auto conn = weak.lock()) {
        asio::post(conn->executor, [conn] {
          if (conn->end_stream) conn->end_stream();
          else if (!conn->busy) conn->stream.cancel();
        });
      }
    }
  }
};

Server::Server(ServerOptions options, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

uint16_t Server::listen() {
  auto& i = *impl_;
  tcp::endpoint endpoint{asio::ip::make_address(i.options.host), i.options.port};
  i.acceptor.open(endpoint.protocol());
  i.acceptor.set_option(asio::socket_base::reuse_address(true));
  i.acceptor.bind(endpoint);
  i.acceptor.listen(asio::socket_base::max_listen_connections);
  return i.acceptor.local_endpoint().port();
}

void Server::run() {
  auto& i = *impl_;
  i.signals.async_wait([&i](const boost::system::error_code& ec, int) {
    if (!ec) i.begin_shutdown();
  });
  asio::co_spawn(i.io, i.accept_loop(), asio::detached);

  // Once shutdown begins, give in-flight requests the grace period, then stop.
  std::thread watchdog([&i] {
    while (!i.stopping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto deadline = std::chrono::steady_clock::now() + i.options.shutdown_grace;
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard lock(i.connections_mutex);
        if (i.connections.empty()) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    i.io.stop();
  });

  std::vector<std::thread> threads;
  for (int n = 1; n < i.options.io_threads; ++n) threads.emplace_back([&i] { i.io.run(); });
  i.io.run();
  for (auto& t : threads) t.join();
  i.stopping = true;
  watchdog.join();
  i.handlers.join();
  log::info("stopped");
}

void Server::stop() {
  asio::post(impl_->io, [this] { impl_->begin_shutdown(); });
}

}  // namespace agora::http
