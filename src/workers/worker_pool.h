// Threads that claim jobs from the durable queue and run their handlers.
// A handler that throws is retried with back-off; PermanentFailure (or the
// last attempt) gives the job up, kept in the table with its error.
#pragma once
#include <atomic>
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "services/context.h"
#include "store/jobs.h"
#include "workers/lease_keeper.h"

namespace agora::workers {

// A failure that retrying cannot fix (bad payload, record gone).
struct PermanentFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// How a failed job is tried again: after the usual back-off; within seconds
// (it lost a race with another transaction, which says nothing about the
// job); or never (permanent).
enum class Retry { with_backoff, soon, never };

// Records how a claimed job ended: done (no error), retried, or given up
// (Retry::never, or its last attempt).
void settle_job(services::Context& ctx, const store::jobs::ClaimedJob& job, const std::string& error,
                Retry retry = Retry::with_backoff);

class DeliveryDispatcher;

using JobHandler = std::function<void(services::Context&, const boost::json::object& payload)>;
using HandlerRegistry = std::map<std::string, JobHandler>;

class WorkerPool {
 public:
  WorkerPool(services::Context& ctx, const HandlerRegistry& handlers, int threads,
             std::vector<std::string> queues = {"default", "mailers", "push", "pull", "media"});
  ~WorkerPool();
  void start();
  // Finishes the jobs in hand, then returns.
  void stop();
  // Runs due jobs on the calling thread until none is due (for tests and the CLI).
  int drain();

 private:
  bool run_one(const std::string& worker_name, const store::jobs::KindFilter& kinds);
  void loop(int index);

  services::Context& ctx_;
  const HandlerRegistry& handlers_;
  int thread_count_;
  std::vector<std::string> queues_;
  // Unique per process start (a restarted process may get the same pid), so
  // leases of a dead predecessor are never renewed by its successor.
  std::string owner_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
  std::unique_ptr<LeaseKeeper> lease_keeper_;
  std::unique_ptr<DeliveryDispatcher> deliveries_;  // runs the `deliver` jobs when the pool serves "push"
};

}  // namespace agora::workers
