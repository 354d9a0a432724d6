#include "jobs/queue.h"

#include <boost/json/serialize.hpp>

#include <random>

#include "core/time.h"
#include "jobs/wakeup.h"
#include "store/jobs.h"

namespace agora::jobs {

int64_t enqueue(store::Connection& c, const Job& job) {
  int64_t now = now_ms();
  int64_t id = store::jobs::insert(
      c, {job.queue, job.kind, boost::json::serialize(job.payload), now + job.delay_ms, job.max_attempts}, now);
  // Workers in this process look as soon as the job is visible to them; a
  // poll covers other processes.
  c.after_commit(wake_workers);
  return id;
}

void enqueue_once(store::Connection& c, const Job& job) {
  if (!store::jobs::waiting(c, job.kind, boost::json::serialize(job.payload))) enqueue(c, job);
}

int64_t retry_delay_ms(int attempts) {
  thread_local std::mt19937 rng{std::random_device{}()};
  int64_t n = attempts;
  int64_t seconds = n * n * n * n + 15 + std::uniform_int_distribution<int64_t>(0, 30 * (n + 1))(rng);
  return seconds * 1000;
}

int64_t conflict_retry_delay_ms() {
  thread_local std::mt19937 rng{std::random_device{}()};
  return std::uniform_int_distribution<int64_t>(1000, 3000)(rng);
}

}  // namespace agora::jobs
