// Several "which of these ids …?" questions about one batch of rows, asked in
// one statement (UNION ALL, each row tagged with its question) instead of
// one each: a page of statuses asks about ten of them.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace agora::store {

struct IdProbe {
  // "SELECT column FROM … WHERE … AND column IN ", the list is appended.
  std::string_view select;
  std::optional<int64_t> bound;  // bound to the one `?` of `select`, if any
  const std::vector<int64_t>& ids;
  std::set<int64_t>& found;  // receives the ids the select returned
};

// One statement for all probes while every list fits one (kMaxIdList ids);
// otherwise each probe slice by slice. Probes with no ids find nothing.
void run_probes(Connection& c, const std::vector<IdProbe>& probes);

}  // namespace agora::store
