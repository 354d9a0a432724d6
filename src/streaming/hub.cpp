#include "streaming/hub.h"

#include <unordered_map>
#include <vector>

#include "core/errors.h"
#include "core/log.h"
#include "core/metrics.h"
#include "services/auth.h"
#include "services/stream_events.h"
#include "streaming/session.h"

namespace agora::streaming {

namespace {
// Events waiting for dispatch; past this the oldest are dropped (and logged).
constexpr size_t kMaxPending = 10000;
constexpr auto kTokenCheckEvery = std::chrono::seconds(15);
}  // namespace

Hub::Hub(services::Context& ctx) : ctx_(ctx) {
  listener_ = events::bus().add_listener([this](const events::Event& e) {
    std::lock_guard lock(mutex_);
    if (sessions_.empty()) return;
    if (queue_.size() >= kMaxPending) {
      queue_.pop_front();
      log::warn("streaming: events arrive faster than they are delivered; one dropped");
    }
    queue_.push_back(e);
    wake_.notify_one();
  });
  thread_ = std::thread([this] { run(); });
}

Hub::~Hub() {
  events::bus().remove_listener(listener_);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void Hub::add(std::shared_ptr<Session> session) {
  std::lock_guard lock(mutex_);
  if (sessions_.emplace(session.get(), session).second) metrics::streaming_connections().add(1);
}

void Hub::remove(Session* session) {
  std::lock_guard lock(mutex_);
  if (sessions_.erase(session)) metrics::streaming_connections().add(-1);
}

void Hub::close_all() {
  std::map<Session*, std::shared_ptr<Session>> closing;
  {
    std::lock_guard lock(mutex_);
    closing.swap(sessions_);
  }
  metrics::streaming_connections().add(-static_cast<int64_t>(closing.size()));
  // Destroyed here, outside the lock: a session's end may call remove().
}

void Hub::run() {
  auto next_check = std::chrono::steady_clock::now() + kTokenCheckEvery;
  for (;;) {
    std::optional<events::Event> e;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_until(lock, next_check, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      if (!queue_.empty()) {
        e = std::move(queue_.front());
        queue_.pop_front();
      }
    }
    try {
      if (e) dispatch(*e);
      if (std::chrono::steady_clock::now() >= next_check) {
        check_tokens();
        next_check = std::chrono::steady_clock::now() + kTokenCheckEvery;
      }
    } catch (const std::exception& ex) {
      log::error("streaming: {}", ex.what());
    }
  }
}

void Hub::dispatch(const events::Event& e) {
  std::vector<std::shared_ptr<Session>> current;
  {
    std::lock_guard lock(mutex_);
    for (auto& [p, s] : sessions_) current.push_back(s);
  }
  bool kill = e.event == "kill";
  DeliveryCache cache;
  for (auto& s : current) {
    if (kill) {
      if (e.channel == services::stream_events::token_channel(s->viewer().token_id)) s->close();
      continue;
    }
    try {
      s->deliver(e, cache);
    } catch (const std::exception& ex) {
      log::error("streaming: delivering {} failed: {}", e.event, ex.what());
    }
  }
}

void Hub::check_tokens() {
  std::vector<std::shared_ptr<Session>> current;
  {
    std::lock_guard lock(mutex_);
    for (auto& [p, s] : sessions_) current.push_back(s);
  }
  // Once per token: an app often holds several streams on one token.
  std::unordered_map<std::string, bool> usable;
  for (auto& s : current) {
    auto [it, first] = usable.try_emplace(s->viewer().token, true);
    if (first) {
      try {
        services::require_usable_login(services::authenticate(ctx_, s->viewer().token, ""));
      } catch (const Error&) {
        it->second = false;
      }
    }
    if (!it->second) s->close();
  }
}

}  // namespace agora::streaming
