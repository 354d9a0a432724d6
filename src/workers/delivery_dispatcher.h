// Runs `deliver` jobs concurrently on one event loop (federation::MultiClient)
// instead of one blocking request per worker thread: a server that accepts a
// connection and never answers holds one of many transfers until its
// timeout, while deliveries to everyone else go on. Jobs are claimed,
// settled and retried exactly as WorkerPool does (same leases, same back-off);
// at most 4 requests are in flight to one host (HostLimiter), and a job whose
// host is busy goes back to the queue a moment later without using an attempt.
#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "federation/multi_client.h"
#include "services/context.h"
#include "store/jobs.h"

namespace agora::workers {

// Counts one delivery's result (delivered, refused, failed) by domain.
void count_delivery(const std::string& inbox, const char* result);

class DeliveryDispatcher {
 public:
  DeliveryDispatcher(services::Context& ctx, std::string worker_name, int max_in_flight);
  ~DeliveryDispatcher();
  void start();
  // Claims no more, waits for the requests in flight (each ends by its timeout), settles them.
  void stop();

 private:
  struct InFlight;
  struct Finished {
    int64_t job_id = 0;
    federation::FetchResult result;
  };
  void loop();
  bool launch_one();
  void settle_finished();

  services::Context& ctx_;
  std::string worker_name_;
  size_t max_in_flight_;
  std::unique_ptr<federation::MultiClient> client_;
  std::map<int64_t, std::unique_ptr<InFlight>> in_flight_;  // by job id; the loop thread's only
  std::mutex mutex_;
  std::condition_variable finished_cv_;
  std::deque<Finished> finished_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace agora::workers
