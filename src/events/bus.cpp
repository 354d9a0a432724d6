#include "events/bus.h"

#include <boost/json.hpp>
#include <vector>

#include "core/log.h"

namespace agora::events {

namespace json = boost::json;

std::string encode(const Event& e) {
  return json::serialize(json::object{{"channel", e.channel}, {"event", e.event}, {"payload", e.payload}});
}

std::optional<Event> decode(std::string_view text) {
  std::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto field = [&](const char* key) -> const json::string* {
    auto* f = o.if_contains(key);
    return f && f->is_string() ? &f->as_string() : nullptr;
  };
  auto *channel = field("channel"), *event = field("event"), *payload = field("payload");
  if (!channel || !event || !payload) return std::nullopt;
  return Event{std::string(*channel), std::string(*event), std::string(*payload)};
}

int Bus::add_listener(Listener listener) {
  std::lock_guard lock(mutex_);
  int id = next_id_++;
  listeners_.emplace(id, std::make_shared<const Listener>(std::move(listener)));
  return id;
}

void Bus::remove_listener(int id) {
  std::lock_guard lock(mutex_);
  listeners_.erase(id);
}

void Bus::deliver(const Event& e) {
  std::vector<std::shared_ptr<const Listener>> current;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, l] : listeners_) current.push_back(l);
  }
  for (auto& l : current) {
    try {
      (*l)(e);
    } catch (const std::exception& ex) {
      log::error("event listener failed: {}", ex.what());
    }
  }
}

namespace {

class LocalBus final : public Bus {
 public:
  void publish(const Event& e) override { deliver(e); }
};

std::mutex installed_mutex;
std::shared_ptr<Bus> installed = std::make_shared<LocalBus>();

}  // namespace

std::unique_ptr<Bus> make_local_bus() { return std::make_unique<LocalBus>(); }

Bus& bus() {
  std::lock_guard lock(installed_mutex);
  return *installed;
}

void install(std::unique_ptr<Bus> b) {
  std::lock_guard lock(installed_mutex);
  // The bus it replaces is kept alive: listeners or publishers may still hold it.
  static std::vector<std::shared_ptr<Bus>> retired;
  retired.push_back(installed);
  installed = std::move(b);
}

}  // namespace agora::events
