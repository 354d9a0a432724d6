// The servers we know, for the admin area's federation overview: accounts
// and posts we hold from each, how delivering to it goes, and the policy on it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::admin_instances {

struct Row {
  std::string domain;
  int64_t accounts_count = 0;
  int64_t statuses_count = 0;
  std::optional<std::string> software;
  std::optional<int64_t> last_success_at;
  int64_t failure_count = 0;
  std::optional<int64_t> unavailable_since;
  std::optional<int64_t> domain_block_id;
  std::optional<std::string> severity;
  std::optional<int64_t> domain_allow_id;
};

// Domains of the remote accounts we know (containing `search` when given),
// most accounts first; `limit` rows from `offset`.
std::vector<Row> list(Connection& c, const std::string& search, int limit, int64_t offset);

}  // namespace agora::store::admin_instances
