#include "workers/worker_pool.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <unistd.h>

#include "core/log.h"
#include "core/metrics.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "jobs/wakeup.h"
#include "services/delivery.h"
#include "store/jobs.h"
#include "workers/delivery_dispatcher.h"

namespace agora::workers {

namespace {
constexpr std::chrono::milliseconds kPollInterval{250};
// Deliveries in flight at once on the event loop; each one waits on a socket, not a thread.
constexpr int kDeliveriesInFlight = 64;
}  // namespace

void settle_job(services::Context& ctx, const store::jobs::ClaimedJob& job, const std::string& error, Retry retry) {
  if (!error.empty()) metrics::job_failures().at({job.queue, job.kind}).add();
  auto conn = ctx.db.acquire();
  if (error.empty()) {
    store::jobs::finish(*conn, job.id);
    log::debug("job {} {} done", job.id, job.kind);
  } else if (retry == Retry::never || job.attempts + 1 >= job.max_attempts) {
    store::jobs::give_up(*conn, job.id, now_ms(), error);
    log::error("job {} {} gave up after {} attempts: {}", job.id, job.kind, job.attempts + 1, error);
  } else {
    int64_t delay = retry == Retry::soon ? jobs::conflict_retry_delay_ms() : jobs::retry_delay_ms(job.attempts);
    store::jobs::retry_later(*conn, job.id, now_ms() + delay, error);
    log::warn("job {} {} failed (attempt {}), retrying in {} s: {}", job.id, job.kind, job.attempts + 1,
              delay / 1000, error);
  }
}

WorkerPool::WorkerPool(services::Context& ctx, const HandlerRegistry& handlers, int threads,
                       std::vector<std::string> queues)
    : ctx_(ctx),
      handlers_(handlers),
      thread_count_(threads),
      queues_(std::move(queues)),
      owner_("worker-" + std::to_string(::getpid()) + "-" + std::to_string(next_id())) {}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::start() {
  lease_keeper_ = std::make_unique<LeaseKeeper>(ctx_, owner_ + "-");
  if (thread_count_ > 0 && std::find(queues_.begin(), queues_.end(), "push") != queues_.end()) {
    deliveries_ = std::make_unique<DeliveryDispatcher>(ctx_, owner_ + "-deliveries", kDeliveriesInFlight);
    deliveries_->start();
  }
  for (int i = 0; i < thread_count_; ++i) threads_.emplace_back([this, i] { loop(i); });
}

void WorkerPool::stop() {
  stopping_ = true;
  jobs::wake_workers();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
  if (deliveries_) deliveries_->stop();
  deliveries_.reset();
  lease_keeper_.reset();
}

int WorkerPool::drain() {
  std::string name = owner_ + "-drain";
  LeaseKeeper keeper(ctx_, name);
  int n = 0;
  while (run_one(name, {})) ++n;
  return n;
}

void WorkerPool::loop(int index) {
  std::string name = owner_ + "-" + std::to_string(index);
  // With the dispatcher running, these threads leave it the deliveries.
  store::jobs::KindFilter kinds;
  if (deliveries_) kinds.except_kind = services::delivery::kJobKind;
  while (!stopping_) {
    bool worked = false;
    try {
      worked = run_one(name, kinds);
    } catch (const std::exception& e) {
      log::error("job queue unavailable: {}", e.what());
    }
    if (!worked && !stopping_) jobs::wait_for_work(kPollInterval);
  }
}

bool WorkerPool::run_one(const std::string& worker_name, const store::jobs::KindFilter& kinds) {
  std::optional<store::jobs::ClaimedJob> job;
  {
    auto conn = ctx_.db.acquire();
    job = store::jobs::claim(*conn, queues_, worker_name, now_ms(), kJobLeaseMs, kinds);
  }
  if (!job) return false;
  std::string error;
  Retry retry = Retry::with_backoff;
  try {
    auto handler = handlers_.find(job->kind);
    if (handler == handlers_.end()) throw PermanentFailure("no handler for job kind " + job->kind);
    std::error_code ec;
    auto payload = boost::json::parse(job->payload, ec);
    if (ec || !payload.is_object()) throw PermanentFailure("malformed payload");
    handler->second(ctx_, payload.as_object());
  } catch (const PermanentFailure& e) {
    error = e.what();
    retry = Retry::never;
  } catch (const store::TransactionConflict& e) {
    error = e.what();
    retry = Retry::soon;
  } catch (const std::exception& e) {
    error = e.what();
  }
  settle_job(ctx_, *job, error, retry);
  return true;
}

}  // namespace agora::workers
