// Many requests in flight on one event loop (libcurl's multi interface): a
// thread waits on every socket at once, so a server that never answers holds
// one transfer, not a thread. Requests are prepared exactly as HttpClient's
// (address guard with pinned addresses, limits, signatures); redirects are
// not followed (deliveries are POSTs, whose 3xx comes back as the answer).
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "federation/http_client.h"

namespace agora::federation {

// An answer, or why there is none.
struct FetchResult {
  std::optional<HttpResponse> response;
  std::optional<FetchError> error;
};

class MultiClient {
 public:
  // Called once per request, on the loop's thread: keep it short (hand the
  // result to another thread for anything slow).
  using Done = std::function<void(FetchResult)>;

  explicit MultiClient(ClientSettings settings);
  // Transfers still in flight are abandoned: their `done` gets a network error.
  ~MultiClient();
  MultiClient(const MultiClient&) = delete;
  MultiClient& operator=(const MultiClient&) = delete;

  // Prepares on the calling thread (DNS, signature) and starts the transfer.
  // A refusal by the guard, or a bad URL, calls `done` before returning.
  void submit(const OutboundRequest& request, Done done);
  int in_flight() const { return in_flight_; }

 private:
  struct Transfer;
  void loop();

  ClientSettings settings_;
  void* multi_ = nullptr;  // CURLM*, kept out of this header
  std::mutex mutex_;
  std::vector<std::unique_ptr<Transfer>> submitted_;  // waiting to be added by the loop
  std::atomic<int> in_flight_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace agora::federation
