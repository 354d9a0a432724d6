#include "federation/host_limiter.h"

namespace agora::federation {

namespace {
constexpr int kDeliveriesPerHost = 4;
}

HostLimiter::Slot::~Slot() {
  if (limiter_) limiter_->release(host_);
}

HostLimiter::Slot HostLimiter::acquire(const std::string& host, std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!freed_.wait_for(lock, wait, [&] { return in_flight_[host] < per_host_; })) return {};
  ++in_flight_[host];
  return Slot(this, host);
}

int HostLimiter::in_flight(const std::string& host) {
  std::lock_guard lock(mutex_);
  auto it = in_flight_.find(host);
  return it == in_flight_.end() ? 0 : it->second;
}

void HostLimiter::release(const std::string& host) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = in_flight_.find(host); it != in_flight_.end() && --it->second <= 0) in_flight_.erase(it);
  }
  freed_.notify_all();
}

HostLimiter& HostLimiter::deliveries() {
  static HostLimiter limiter(kDeliveriesPerHost);
  return limiter;
}

}  // namespace agora::federation
