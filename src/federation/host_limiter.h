// At most N requests in flight to one host from this process: however many
// workers deliver at once, no single server is hammered (a big instance's
// followers all sit behind one shared inbox).
#pragma once
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace agora::federation {

class HostLimiter {
 public:
  explicit HostLimiter(int per_host) : per_host_(per_host) {}

  // A slot for one request to `host`, released when it goes out of scope;
  // empty (false) if none freed up within `wait`.
  class Slot {
   public:
    Slot() = default;
    Slot(HostLimiter* limiter, std::string host) : limiter_(limiter), host_(std::move(host)) {}
    Slot(Slot&& other) noexcept : limiter_(std::exchange(other.limiter_, nullptr)), host_(std::move(other.host_)) {}
    Slot& operator=(Slot&&) = delete;
    ~Slot();
    explicit operator bool() const { return limiter_ != nullptr; }

   private:
    HostLimiter* limiter_ = nullptr;
    std::string host_;
  };

  Slot acquire(const std::string& host, std::chrono::milliseconds wait);
  int in_flight(const std::string& host);

  // The process-wide limiter for deliveries.
  static HostLimiter& deliveries();

 private:
  void release(const std::string& host);

  int per_host_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::map<std::string, int, std::less<>> in_flight_;
};

}  // namespace agora::federation
