#include "store/visibility.h"

#include <string>

#include "store/id_probes.h"

namespace agora::store::visibility {

namespace {

constexpr const char* kSuspended = "SELECT id FROM accounts WHERE suspended_at IS NOT NULL AND id IN ";
constexpr const char* kBlocking = "SELECT account_id FROM blocks WHERE target_account_id = ? AND account_id IN ";
constexpr const char* kFollowed = "SELECT target_account_id FROM follows WHERE account_id = ? AND target_account_id IN ";
constexpr const char* kMentioning = "SELECT status_id FROM mentions WHERE account_id = ? AND status_id IN ";

std::set<int64_t> matching(Connection& c, const char* select, std::optional<int64_t> viewer,
                           const std::vector<int64_t>& ids) {
  std::set<int64_t> out;
  run_probes(c, {{select, viewer, ids, out}});
  return out;
}

}  // namespace

Facts facts(Connection& c, std::optional<int64_t> viewer, const std::vector<int64_t>& author_ids,
            const std::vector<int64_t>& status_ids) {
  Facts f;
  std::vector<IdProbe> probes = {{kSuspended, std::nullopt, author_ids, f.suspended}};
  if (viewer) {
    probes.push_back({kBlocking, viewer, author_ids, f.blocking});
    probes.push_back({kFollowed, viewer, author_ids, f.followed});
    probes.push_back({kMentioning, viewer, status_ids, f.mentioning});
  }
  run_probes(c, probes);
  return f;
}

std::set<int64_t> suspended(Connection& c, const std::vector<int64_t>& author_ids) {
  return matching(c, kSuspended, std::nullopt, author_ids);
}

std::set<int64_t> blocking(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids) {
  return matching(c, kBlocking, viewer, author_ids);
}

std::set<int64_t> followed(Connection& c, int64_t viewer, const std::vector<int64_t>& author_ids) {
  return matching(c, kFollowed, viewer, author_ids);
}

std::set<int64_t> mentioning(Connection& c, int64_t viewer, const std::vector<int64_t>& status_ids) {
  return matching(c, kMentioning, viewer, status_ids);
}

}  // namespace agora::store::visibility
