#include "services/status_pages.h"

#include <map>
#include <set>

#include "services/status_views.h"
#include "services/visibility.h"
#include "store/statuses.h"

namespace agora::services {

model::Paginated<model::StatusView> status_page(store::Connection& c, std::optional<int64_t> viewer,
                                                const std::vector<StatusRow>& rows, int limit) {
  model::Paginated<model::StatusView> page;
  if (rows.empty()) return page;
  page.prev_since_id = rows.front().row_id;
  if (static_cast<int>(rows.size()) >= limit) page.next_max_id = rows.back().row_id;

  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.status_id);
  std::map<int64_t, model::Status> found;
  for (auto& s : store::statuses::find_many_with_originals(c, ids)) found.emplace(s.id, std::move(s));
  std::vector<model::Status> ordered;
  std::set<int64_t> original_ids;
  for (const auto& r : rows)
    if (auto s = found.find(r.status_id); s != found.end()) {
      ordered.push_back(s->second);
      if (s->second.reblog_of_id) original_ids.insert(*s->second.reblog_of_id);
    }
  std::vector<model::Status> originals;
  for (int64_t id : original_ids)
    if (auto o = found.find(id); o != found.end()) originals.push_back(o->second);
  page.items = load_status_views(c, viewer, visibility::visible(c, viewer, ordered, originals), originals);
  return page;
}

}  // namespace agora::services
