#include "workers/delivery_dispatcher.h"

#include <boost/json/parse.hpp>

#include "activitypub/parse_origin.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/time.h"
#include "federation/host_limiter.h"
#include "jobs/wakeup.h"
#include "services/delivery.h"
#include "workers/job_payload.h"
#include "workers/lease_keeper.h"
#include "workers/worker_pool.h"

namespace agora::workers {

namespace {
constexpr std::chrono::milliseconds kIdlePoll{250};
constexpr std::chrono::milliseconds kBusyPoll{100};
// A job whose host has its 4 requests in flight waits this long (plus jitter) in the queue.
constexpr int64_t kHostBusyDelayMs = 2000;
}  // namespace

void count_delivery(const std::string& inbox, const char* result) {
  metrics::deliveries().at({activitypub::host_of(inbox), result}).add();
}

struct DeliveryDispatcher::InFlight {
  store::jobs::ClaimedJob job;
  std::string inbox;
  std::unique_ptr<services::delivery::PreparedDelivery> prepared;
  std::optional<federation::HostLimiter::Slot> slot;
};

DeliveryDispatcher::DeliveryDispatcher(services::Context& ctx, std::string worker_name, int max_in_flight)
    : ctx_(ctx), worker_name_(std::move(worker_name)), max_in_flight_(static_cast<size_t>(max_in_flight)) {}

DeliveryDispatcher::~DeliveryDispatcher() { stop(); }

void DeliveryDispatcher::start() {
  client_ = std::make_unique<federation::MultiClient>(federation::ClientSettings::from(ctx_.config));
  thread_ = std::thread([this] { loop(); });
}

void DeliveryDispatcher::stop() {
  stopping_ = true;
  finished_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  client_.reset();
}

void DeliveryDispatcher::loop() {
  while (true) {
    try {
      settle_finished();
      if (stopping_ && in_flight_.empty()) break;
      bool launched = false;
      while (!stopping_ && in_flight_.size() < max_in_flight_ && launch_one()) launched = true;
      if (launched) continue;
    } catch (const std::exception& e) {
      log::error("delivery loop: {}", e.what());
    }
    if (in_flight_.empty()) {
      jobs::wait_for_work(kIdlePoll);
    } else {
      std::unique_lock lock(mutex_);
      finished_cv_.wait_for(lock, kBusyPoll, [this] { return !finished_.empty(); });
    }
  }
}

bool DeliveryDispatcher::launch_one() {
  std::optional<store::jobs::ClaimedJob> job;
  {
    auto conn = ctx_.db.acquire();
    job = store::jobs::claim(*conn, {"push"}, worker_name_, now_ms(), kJobLeaseMs,
                             {services::delivery::kJobKind, ""});
  }
  if (!job) return false;
  auto entry = std::make_unique<InFlight>();
  entry->job = *job;
  std::string error;
  Retry retry = Retry::with_backoff;
  try {
    std::error_code ec;
    auto payload = boost::json::parse(job->payload, ec);
    if (ec || !payload.is_object()) throw PermanentFailure("malformed payload");
    const auto& fields = payload.as_object();
    entry->inbox = text_field(fields, "inbox");
    entry->prepared = services::delivery::prepare(ctx_, id_field(fields, "sender_id"), entry->inbox,
                                                  text_field(fields, "activity"));
    if (!entry->prepared) {
      count_delivery(entry->inbox, "refused");
      settle_job(ctx_, *job, "");
      return true;
    }
    entry->slot.emplace(
        federation::HostLimiter::deliveries().acquire(entry->prepared->host, std::chrono::milliseconds(0)));
    if (!*entry->slot) {
      auto conn = ctx_.db.acquire();
      store::jobs::postpone(*conn, job->id, now_ms() + kHostBusyDelayMs + static_cast<int64_t>(job->id % 1000));
      return true;
    }
  } catch (const PermanentFailure& e) {
    error = e.what();
    retry = Retry::never;
  } catch (const std::exception& e) {
    error = e.what();
  }
  if (!error.empty()) {
    count_delivery(entry->inbox, "failed");
    settle_job(ctx_, *job, error, retry);
    return true;
  }
  int64_t id = job->id;
  auto& request = entry->prepared->request;
  in_flight_.emplace(id, std::move(entry));
  client_->submit(request, [this, id](federation::FetchResult result) {
    {
      std::lock_guard lock(mutex_);
      finished_.push_back({id, std::move(result)});
    }
    finished_cv_.notify_all();
  });
  return true;
}

void DeliveryDispatcher::settle_finished() {
  std::deque<Finished> done;
  {
    std::lock_guard lock(mutex_);
    done.swap(finished_);
  }
  for (auto& f : done) {
    auto it = in_flight_.find(f.job_id);
    if (it == in_flight_.end()) continue;
    auto entry = std::move(it->second);
    in_flight_.erase(it);
    entry->slot.reset();  // the host may take its next request at once
    std::string error;
    try {
      auto outcome = services::delivery::conclude(ctx_, entry->inbox, f.result.response, f.result.error);
      count_delivery(entry->inbox, outcome == services::delivery::Outcome::delivered ? "delivered" : "refused");
    } catch (const std::exception& e) {
      error = e.what();
      count_delivery(entry->inbox, "failed");
    }
    try {
      settle_job(ctx_, entry->job, error);
    } catch (const std::exception& e) {
      log::error("could not settle delivery job {}: {}", entry->job.id, e.what());  // its lease runs out: retried
    }
  }
}

}  // namespace agora::workers
