// In-process publish/subscribe of streaming events: services publish what
// happened (after their transaction committed), the streaming face listens.
// With AGORA_REDIS_URL the bus goes through Redis pub/sub, so an event
// published by one process (a worker, another server) reaches every process.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace agora::events {

struct Event {
  std::string channel;  // who it concerns: "statuses", "timeline:ACCOUNT_ID", "announcements", …
  std::string event;    // Mastodon's event name: "update", "delete", "notification", …
  std::string payload;  // JSON text, the event's facts (ids), not a rendered entity
};

// One line of JSON, as events travel between processes.
std::string encode(const Event& e);
// nullopt for anything that is not an encoded event.
std::optional<Event> decode(std::string_view text);

using Listener = std::function<void(const Event&)>;

class Bus {
 public:
  virtual ~Bus() = default;
  // Hands `e` to every listener of every process sharing the bus. Never
  // throws: a lost event is logged, never a failed request.
  virtual void publish(const Event& e) = 0;

  // Listeners run on the publishing thread (or the bus's reader thread) and
  // must return quickly.
  int add_listener(Listener listener);
  void remove_listener(int id);

 protected:
  void deliver(const Event& e);

 private:
  std::mutex mutex_;
  int next_id_ = 1;
  std::map<int, std::shared_ptr<const Listener>> listeners_;
};

// Delivers to this process's listeners only.
std::unique_ptr<Bus> make_local_bus();

// The process's bus: a local one until install() replaces it (at start, before serving).
Bus& bus();
void install(std::unique_ptr<Bus> b);

}  // namespace agora::events
