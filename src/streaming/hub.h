// The open streams of this process. Events from the bus are queued and
// handed to every stream on one dispatch thread (rendering reads the
// database; the bus's threads never wait for it). Every 15 s the hub checks
// that each stream's token still works, so a revoked token, a suspended
// account or a disabled login ends its streams even when no "kill" event
// arrives.
#pragma once
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "events/bus.h"
#include "services/context.h"

namespace agora::streaming {

class Session;

class Hub {
 public:
  explicit Hub(services::Context& ctx);
  ~Hub();
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  void add(std::shared_ptr<Session> session);
  void remove(Session* session);
  // Drops every session. The server calls it once it stopped, while the
  // connections' I/O context still exists: a session outliving it would
  // close its socket through a destroyed context.
  void close_all();
  services::Context& context() { return ctx_; }

 private:
  void run();
  void dispatch(const events::Event& e);
  void check_tokens();

  services::Context& ctx_;
  int listener_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<events::Event> queue_;
  std::map<Session*, std::shared_ptr<Session>> sessions_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace agora::streaming
