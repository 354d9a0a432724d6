#include "store/status_discovery.h"

#include "store/statement.h"
#include "store/text_match.h"

namespace agora::store::status_discovery {

namespace {

std::vector<int64_t> ids_of(const std::vector<Row>& rows) {
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.int64(0));
  return out;
}

}  // namespace

std::vector<int64_t> search(Connection& c, const StatusSearch& q) {
  int64_t v = q.viewer;
  Statement s("SELECT s.id FROM statuses s WHERE s.reblog_of_id IS NULL AND s.deleted_at IS NULL");
  add_full_text_match(s, c.dialect(), "s", q.query);
  s.add(
      " AND (s.account_id = ?"
      " OR EXISTS (SELECT 1 FROM favourites f WHERE f.status_id = s.id AND f.account_id = ?)"
      " OR EXISTS (SELECT 1 FROM bookmarks b WHERE b.status_id = s.id AND b.account_id = ?)"
      " OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = ?)"
      " OR EXISTS (SELECT 1 FROM statuses r WHERE r.reblog_of_id = s.id AND r.account_id = ?)"
      " OR (s.visibility = 0 AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = s.account_id AND a.indexable = TRUE)))",
      {v, v, v, v, v});
  if (q.account_id) s.add(" AND s.account_id = ?", {*q.account_id});
  if (q.min_id) s.add(" AND s.id > ?", {*q.min_id});
  if (q.max_id) s.add(" AND s.id < ?", {*q.max_id});
  s.add(" ORDER BY s.id DESC LIMIT ? OFFSET ?", {static_cast<int64_t>(q.limit), static_cast<int64_t>(q.offset)});
  return ids_of(s.query(c));
}

std::vector<int64_t> trending(Connection& c, int64_t since_ms, int limit, int offset, tags::TrendReview review) {
  std::string trendable = review == tags::TrendReview::all                        ? ""
                          : review == tags::TrendReview::reviewed_or_unreviewed ? " AND (s.trendable IS NULL OR s.trendable = TRUE)"
                                                                                : " AND s.trendable = TRUE";
  return ids_of(c.query(
      "SELECT s.id FROM statuses s JOIN accounts a ON a.id = s.account_id"
      " WHERE s.created_at >= ? AND s.visibility = 0 AND s.reblog_of_id IS NULL AND s.in_reply_to_id IS NULL"
      " AND s.deleted_at IS NULL AND s.favourites_count + s.reblogs_count > 0"
      " AND a.discoverable = TRUE AND a.suspended_at IS NULL AND a.silenced_at IS NULL" + trendable +
      " ORDER BY s.favourites_count + s.reblogs_count DESC, s.id DESC LIMIT ? OFFSET ?",
      {since_ms, static_cast<int64_t>(limit), static_cast<int64_t>(offset)}));
}

bool review(Connection& c, int64_t status_id, bool trendable) {
  return c.execute("UPDATE statuses SET trendable = ? WHERE id = ? AND deleted_at IS NULL", {trendable, status_id}) > 0;
}

std::set<int64_t> unreviewed_among(Connection& c, const std::vector<int64_t>& ids) {
  std::set<int64_t> out;
  if (ids.empty()) return out;
  Statement s("SELECT id FROM statuses WHERE trendable IS NULL AND id IN ");
  s.add_id_list(ids);
  for (const auto& r : s.query(c)) out.insert(r.int64(0));
  return out;
}

}  // namespace agora::store::status_discovery
