// The durable job queue's SQL: enqueue (inside the caller's transaction),
// claim with a lease, finish, retry, give up.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::jobs {

struct NewJob {
  std::string queue = "default";
  std::string kind;
  std::string payload = "{}";
  int64_t run_at = 0;
  int max_attempts = 16;
};

struct ClaimedJob {
  int64_t id = 0;
  std::string queue;
  std::string kind;
  std::string payload;
  int attempts = 0;  // before this run
  int max_attempts = 0;
};

int64_t insert(Connection& c, const NewJob& job, int64_t now);
// Takes the oldest due job of `queues` not leased by anyone, leasing it until
// now + lease_ms (a crashed worker's job becomes due again when it expires).
// `only_kind` / `except_kind` (when not empty) narrow it to, or exclude, one
// kind: deliveries have their own event loop beside the worker threads.
struct KindFilter {
  std::string only_kind;
  std::string except_kind;
};
std::optional<ClaimedJob> claim(Connection& c, const std::vector<std::string>& queues, const std::string& worker,
                                int64_t now, int64_t lease_ms, const KindFilter& kinds = {});
// Extends the leases of the jobs held by workers whose name starts with `owner`.
void renew_leases(Connection& c, const std::string& owner, int64_t locked_until);
// Whether a job of this kind and payload waits to run (not yet claimed).
bool waiting(Connection& c, const std::string& kind, const std::string& payload);
void finish(Connection& c, int64_t id);
void retry_later(Connection& c, int64_t id, int64_t run_at, const std::string& error);
// Releases a claimed job to run again at `run_at` without counting an attempt
// (it was never tried: the host had enough requests in flight).
void postpone(Connection& c, int64_t id, int64_t run_at);
void give_up(Connection& c, int64_t id, int64_t now, const std::string& error);
// The earliest run_at of a due-able job in `queues`, for sleeping until then.
std::optional<int64_t> next_run_at(Connection& c, const std::vector<std::string>& queues);

}  // namespace agora::store::jobs
