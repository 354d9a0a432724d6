// Counts of the job queue for /metrics.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::job_stats {

struct JobCount {
  std::string queue;
  std::string kind;
  int64_t waiting = 0;  // due or scheduled, not given up
  int64_t dead = 0;     // given up after their attempts
};

// One row per queue and kind that has jobs, ordered by both.
std::vector<JobCount> counts(Connection& c);

}  // namespace agora::store::job_stats
