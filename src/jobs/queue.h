// The durable job queue. Work that is slow or talks to the network (mail,
// deliveries, fetches, media, fan-out) is enqueued in the same transaction as
// the write that causes it, so a crash between the two loses nothing; a
// worker runs it later, with retries and exponential back-off.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "store/database.h"

namespace agora::jobs {

struct Job {
  std::string kind;                 // the handler, e.g. "send_mail"
  boost::json::object payload;
  std::string queue = "default";    // default, mailers, push (deliveries), pull (fetches), media
  int64_t delay_ms = 0;
  int max_attempts = 16;
};

// Enqueues inside the caller's transaction on `c`.
int64_t enqueue(store::Connection& c, const Job& job);
// Enqueues unless the same job (kind and payload) already waits to run: a
// burst of causes leads to one run, as Sidekiq's unique jobs.
void enqueue_once(store::Connection& c, const Job& job);

// Seconds to wait before attempt n+1, growing as Sidekiq's (n^4 + 15 + jitter).
int64_t retry_delay_ms(int attempts_so_far);
// The delay before a job that lost a transaction conflict runs again: 1–3 s,
// spread so the two contenders do not meet again.
int64_t conflict_retry_delay_ms();

}  // namespace agora::jobs
