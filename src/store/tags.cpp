#include "store/tags.h"

#include "core/snowflake.h"
#include "store/statement.h"
#include "store/text_match.h"

namespace agora::store::tags {

namespace {

constexpr const char* kColumns =
    "t.id, t.name, t.display_name, t.usable, t.trendable, t.listable, t.last_status_at, t.created_at";
constexpr int64_t kDayMs = 86'400'000;

std::optional<bool> opt_bool(const Row& r, size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.boolean(i);
}

model::Tag tag_from(const Row& r) {
  model::Tag t;
  t.id = r.int64(0);
  t.name = r.text(1);
  t.display_name = r.text(2);
  t.usable = r.boolean(3);
  t.trendable = opt_bool(r, 4);
  t.listable = opt_bool(r, 5);
  t.last_status_at = r.opt_int64(6);
  t.created_at = r.int64(7);
  return t;
}

std::vector<model::Tag> tags_from(const std::vector<Row>& rows) {
  std::vector<model::Tag> out;
  for (const auto& r : rows) out.push_back(tag_from(r));
  return out;
}

}  // namespace

model::Tag use(Connection& c, const std::string& name, const std::string& display_name, int64_t now) {
  c.execute(
      "INSERT INTO tags (id, name, display_name, created_at, updated_at, last_status_at) VALUES (?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (name) DO UPDATE SET last_status_at = excluded.last_status_at",
      {next_id(), name, display_name, now, now, now});
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM tags t WHERE t.name = ?", {name});
  return tag_from(*row);
}

std::vector<model::Tag> search(Connection& c, const TagSearch& q) {
  Statement s(std::string("SELECT ") + kColumns +
                  " FROM tags t WHERE t.name LIKE ? ESCAPE '\\' AND (t.listable IS NULL OR t.listable = TRUE)",
              {like_prefix(q.prefix)});
  if (q.exclude_unreviewed) s.add(" AND (t.name = ? OR t.trendable = TRUE)", {q.prefix});
  s.add(" ORDER BY length(t.name), t.name LIMIT ? OFFSET ?",
        {static_cast<int64_t>(q.limit), static_cast<int64_t>(q.offset)});
  return tags_from(s.query(c));
}

std::map<int64_t, std::map<int64_t, DayUse>> daily_use(Connection& c, const std::vector<int64_t>& tag_ids,
                                                       int64_t since_ms) {
  std::map<int64_t, std::map<int64_t, DayUse>> out;
  for (size_t i = 0; i < tag_ids.size(); i += kMaxIdList) {
    std::vector<int64_t> slice(tag_ids.begin() + i, tag_ids.begin() + std::min(tag_ids.size(), i + kMaxIdList));
    Statement s(
        "SELECT st.tag_id, s.created_at / 86400000 AS day, COUNT(*), COUNT(DISTINCT s.account_id)"
        " FROM statuses_tags st JOIN statuses s ON s.id = st.status_id"
        " WHERE s.created_at >= ? AND s.reblog_of_id IS NULL AND st.tag_id IN ",
        {since_ms});
    s.add_id_list(slice).add(" GROUP BY st.tag_id, s.created_at / 86400000");
    for (const auto& r : s.query(c)) out[r.int64(0)][r.int64(1) * kDayMs] = {r.int64(2), r.int64(3)};
  }
  return out;
}

std::set<int64_t> followed(Connection& c, int64_t viewer, const std::vector<int64_t>& tag_ids) {
  std::set<int64_t> out;
  for (size_t i = 0; i < tag_ids.size(); i += kMaxIdList) {
    std::vector<int64_t> slice(tag_ids.begin() + i, tag_ids.begin() + std::min(tag_ids.size(), i + kMaxIdList));
    Statement s("SELECT tag_id FROM tag_follows WHERE account_id = ? AND tag_id IN ", {viewer});
    s.add_id_list(slice);
    for (const auto& r : s.query(c)) out.insert(r.int64(0));
  }
  return out;
}

std::vector<model::Tag> trending(Connection& c, int64_t since_ms, int limit, int offset) {
  return tags_from(c.query(
      std::string("SELECT ") + kColumns +
          " FROM tags t JOIN ("
          "  SELECT st.tag_id, COUNT(DISTINCT s.account_id) AS accounts, COUNT(*) AS uses"
          "  FROM statuses_tags st JOIN statuses s ON s.id = st.status_id"
          "  JOIN accounts a ON a.id = s.account_id"
          "  WHERE s.created_at >= ? AND s.visibility = 0 AND s.reblog_of_id IS NULL"
          "   AND a.suspended_at IS NULL AND a.silenced_at IS NULL"
          "  GROUP BY st.tag_id) u ON u.tag_id = t.id"
          " WHERE t.usable = TRUE AND (t.trendable IS NULL OR t.trendable = TRUE)"
          "  AND (t.listable IS NULL OR t.listable = TRUE)"
          " ORDER BY u.accounts DESC, u.uses DESC, t.name LIMIT ? OFFSET ?",
      {since_ms, static_cast<int64_t>(limit), static_cast<int64_t>(offset)}));
}

}  // namespace agora::store::tags
