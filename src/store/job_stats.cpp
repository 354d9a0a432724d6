#include "store/job_stats.h"

namespace agora::store::job_stats {

std::vector<JobCount> counts(Connection& c) {
  std::vector<JobCount> out;
  for (const auto& r : c.query(
           "SELECT queue, kind, COUNT(CASE WHEN dead_at IS NULL THEN 1 END), COUNT(dead_at)"
           " FROM jobs GROUP BY queue, kind ORDER BY queue, kind"))
    out.push_back({r.text(0), r.text(1), r.int64(2), r.int64(3)});
  return out;
}

}  // namespace agora::store::job_stats
