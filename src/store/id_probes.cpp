#include "store/id_probes.h"

#include <algorithm>

#include "store/statement.h"

namespace agora::store {

namespace {

void add_probe(Statement& s, const IdProbe& p, const std::vector<int64_t>& ids) {
  if (p.bound) s.add(p.select, {*p.bound});
  else s.add(p.select);
  s.add_id_list(ids);
}

void run_in_slices(Connection& c, const IdProbe& p) {
  for_id_slices(p.ids, [&](const std::vector<int64_t>& slice) {
    Statement s;
    add_probe(s, p, slice);
    for (const auto& r : s.query(c)) p.found.insert(r.int64(0));
  });
}

}  // namespace

void run_probes(Connection& c, const std::vector<IdProbe>& probes) {
  bool fits = std::all_of(probes.begin(), probes.end(), [](const IdProbe& p) { return p.ids.size() <= kMaxIdList; });
  if (!fits) {
    for (const auto& p : probes) run_in_slices(c, p);
    return;
  }
  Statement s;
  std::vector<const IdProbe*> asked;
  for (const auto& p : probes) {
    if (p.ids.empty()) continue;
    s.add(asked.empty() ? "SELECT " : " UNION ALL SELECT ");
    s.add(std::to_string(asked.size()) + ", q.* FROM (");
    add_probe(s, p, p.ids);
    s.add(") q");
    asked.push_back(&p);
  }
  if (asked.empty()) return;
  for (const auto& r : s.query(c)) asked.at(static_cast<size_t>(r.int64(0)))->found.insert(r.int64(1));
}

}  // namespace agora::store
