#include "store/account_statuses.h"

#include "store/exclusions.h"
#include "store/statement.h"

namespace agora::store::account_statuses {

std::vector<RowRef> page(Connection& c, const Query& q) {
  Statement s("SELECT s.id, s.id FROM statuses s WHERE s.account_id = ? AND s.deleted_at IS NULL", {q.account_id});
  bool own = q.viewer && *q.viewer == q.account_id;
  if (!q.viewer) {
    s.add(" AND s.visibility IN (0, 1)");
  } else if (!own) {
    s.add(q.viewer_follows ? " AND (s.visibility IN (0, 1, 2)" : " AND (s.visibility IN (0, 1)");
    s.add(" OR EXISTS (SELECT 1 FROM mentions vm WHERE vm.status_id = s.id AND vm.account_id = ?))", {*q.viewer});
  }
  if (q.pinned)
    s.add(" AND EXISTS (SELECT 1 FROM status_pins p WHERE p.status_id = s.id AND p.account_id = s.account_id)");
  if (q.only_media) s.add(" AND EXISTS (SELECT 1 FROM media_attachments ma WHERE ma.status_id = s.id)");
  if (q.exclude_replies) s.add(" AND (s.in_reply_to_id IS NULL OR s.in_reply_to_account_id = s.account_id)");
  if (q.exclude_reblogs) s.add(" AND s.reblog_of_id IS NULL");
  if (q.tagged)
    s.add(" AND EXISTS (SELECT 1 FROM statuses_tags st JOIN tags t ON t.id = st.tag_id"
          " WHERE st.status_id = s.id AND t.name = ?)",
          {*q.tagged});
  if (q.viewer && !own) {
    // A scalar subquery, looked up for each boost on the page. Written as
    // EXISTS inside the OR, PostgreSQL hashed every status of every visible
    // author instead, a cost that grows with the table.
    s.add(" AND (s.reblog_of_id IS NULL OR (SELECT 1 FROM statuses o JOIN accounts oa ON oa.id = o.account_id"
          " WHERE o.id = s.reblog_of_id");
    add_not_excluded(s, "oa.id", "oa.domain", *q.viewer, q.now_ms);
    s.add(") IS NOT NULL)");
  }
  s.add_page("s.id", q.page);
  std::vector<RowRef> out;
  for (const auto& r : s.query(c)) out.push_back({r.int64(0), r.int64(1)});
  return out;
}

}  // namespace agora::store::account_statuses
