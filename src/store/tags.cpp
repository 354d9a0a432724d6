#include "store/tags.h"

#include <map>

#include "core/snowflake.h"
#include "store/statement.h"
#include "store/text_match.h"

namespace agora::store::tags {

namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr const char* kTagColumns =
    "t.id, t.name, t.display_name, t.usable, t.trendable, t.listable, t.last_status_at, t.created_at";

std::optional<bool> opt_bool(const Row& r, size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.boolean(i);
}

model::Tag tag_from(const Row& r, size_t at = 0) {
  model::Tag t;
  t.id = r.int64(at);
  t.name = r.text(at + 1);
  t.display_name = r.text(at + 2);
  t.usable = r.boolean(at + 3);
  t.trendable = opt_bool(r, at + 4);
  t.listable = opt_bool(r, at + 5);
  t.last_status_at = r.opt_int64(at + 6);
  t.created_at = r.int64(at + 7);
  return t;
}

std::string select_tags(const std::string& rest) { return std::string("SELECT ") + kTagColumns + " FROM tags t " + rest; }

// Featured tag columns: f.id, f.statuses_count, f.last_status_at, a.username, then the tag's.
constexpr const char* kFeaturedSelect =
    "SELECT f.id, f.statuses_count, f.last_status_at, a.username, "
    "t.id, t.name, t.display_name, t.usable, t.trendable, t.listable, t.last_status_at, t.created_at"
    " FROM featured_tags f JOIN tags t ON t.id = f.tag_id JOIN accounts a ON a.id = f.account_id ";

model::FeaturedTag featured_from(const Row& r) {
  model::FeaturedTag f;
  f.id = r.int64(0);
  f.statuses_count = r.int64(1);
  f.last_status_at = r.opt_int64(2);
  f.account_username = r.text(3);
  f.tag = tag_from(r, 4);
  return f;
}

}  // namespace

std::optional<model::Tag> find_by_name(Connection& c, const std::string& name) {
  auto r = c.query_one(select_tags("WHERE t.name = ?"), {name});
  if (!r) return std::nullopt;
  return tag_from(*r);
}

std::optional<model::Tag> find_by_id(Connection& c, int64_t id) {
  auto r = c.query_one(select_tags("WHERE t.id = ?"), {id});
  if (!r) return std::nullopt;
  return tag_from(*r);
}

model::Tag find_or_create(Connection& c, const std::string& name, const std::string& display_name, int64_t now) {
  if (auto existing = find_by_name(c, name)) return *existing;
  // Another request may insert the same name between the lookup and here:
  // DO NOTHING keeps its row (and does not abort a PostgreSQL transaction).
  c.execute(
      "INSERT INTO tags (id, name, display_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (name) DO NOTHING",
      {next_id(), name, display_name, now, now});
  auto created = find_by_name(c, name);
  if (!created) throw DatabaseError("tag vanished after insert: " + name);
  return *created;
}

std::vector<model::TagDay> history(Connection& c, int64_t tag_id, int64_t today_start, int days) {
  int64_t from = today_start - (days - 1) * kDayMs;
  std::map<int64_t, std::pair<int64_t, int64_t>> by_day;
  for (const auto& r : c.query(
           "SELECT s.created_at / ?, COUNT(*), COUNT(DISTINCT s.account_id) FROM statuses_tags st"
           " JOIN statuses s ON s.id = st.status_id"
           " WHERE st.tag_id = ? AND s.created_at >= ? AND s.created_at < ? AND s.deleted_at IS NULL"
           " GROUP BY 1",
           {kDayMs, tag_id, from, today_start + kDayMs}))
    by_day[r.int64(0) * kDayMs] = {r.int64(1), r.int64(2)};
  std::vector<model::TagDay> out;
  for (int i = 0; i < days; ++i) {
    int64_t day = today_start - i * kDayMs;
    auto it = by_day.find(day);
    out.push_back({day, it == by_day.end() ? 0 : it->second.first, it == by_day.end() ? 0 : it->second.second});
  }
  return out;
}

bool follow(Connection& c, int64_t account_id, int64_t tag_id, int64_t now) {
  return c.execute(
             "INSERT INTO tag_follows (id, account_id, tag_id, created_at) VALUES (?, ?, ?, ?)"
             " ON CONFLICT (account_id, tag_id) DO NOTHING",
             {next_id(), account_id, tag_id, now}) > 0;
}

void unfollow(Connection& c, int64_t account_id, int64_t tag_id) {
  c.execute("DELETE FROM tag_follows WHERE account_id = ? AND tag_id = ?", {account_id, tag_id});
}

bool is_following(Connection& c, int64_t account_id, int64_t tag_id) {
  return c.query_one("SELECT 1 FROM tag_follows WHERE account_id = ? AND tag_id = ?", {account_id, tag_id})
      .has_value();
}

std::set<int64_t> followed_among(Connection& c, int64_t account_id, const std::vector<int64_t>& tag_ids) {
  std::set<int64_t> out;
  if (tag_ids.empty()) return out;
  Statement s("SELECT tag_id FROM tag_follows WHERE account_id = ? AND tag_id IN ", {account_id});
  s.add_id_list(tag_ids);
  for (const auto& r : s.query(c)) out.insert(r.int64(0));
  return out;
}

std::vector<std::pair<int64_t, model::Tag>> followed_page(Connection& c, int64_t account_id,
                                                          const model::PageRequest& page) {
  Statement s(std::string("SELECT f.id, ") + kTagColumns +
                  " FROM tag_follows f JOIN tags t ON t.id = f.tag_id WHERE f.account_id = ?",
              {account_id});
  s.add_newest_first_page("f.id", page);
  std::vector<std::pair<int64_t, model::Tag>> out;
  for (const auto& r : s.query(c)) out.emplace_back(r.int64(0), tag_from(r, 1));
  return out;
}

std::vector<model::FeaturedTag> featured_of(Connection& c, int64_t account_id) {
  std::vector<model::FeaturedTag> out;
  for (const auto& r :
       c.query(std::string(kFeaturedSelect) + "WHERE f.account_id = ? ORDER BY f.statuses_count DESC, f.id",
               {account_id}))
    out.push_back(featured_from(r));
  return out;
}

std::optional<model::FeaturedTag> find_featured(Connection& c, int64_t account_id, int64_t featured_id) {
  auto r = c.query_one(std::string(kFeaturedSelect) + "WHERE f.account_id = ? AND f.id = ?", {account_id, featured_id});
  if (!r) return std::nullopt;
  return featured_from(*r);
}

std::optional<model::FeaturedTag> find_featured_by_tag(Connection& c, int64_t account_id, int64_t tag_id) {
  auto r = c.query_one(std::string(kFeaturedSelect) + "WHERE f.account_id = ? AND f.tag_id = ?", {account_id, tag_id});
  if (!r) return std::nullopt;
  return featured_from(*r);
}

int64_t count_featured(Connection& c, int64_t account_id) {
  return c.query_one("SELECT COUNT(*) FROM featured_tags WHERE account_id = ?", {account_id})->int64(0);
}

model::FeaturedTag insert_featured(Connection& c, int64_t account_id, const model::Tag& tag, int64_t now) {
  // Public (0) and unlisted (1) statuses, as Mastodon counts for featured tags.
  auto usage = c.query_one(
      "SELECT COUNT(*), MAX(s.created_at) FROM statuses_tags st JOIN statuses s ON s.id = st.status_id"
      " WHERE st.tag_id = ? AND s.account_id = ? AND s.visibility IN (0, 1) AND s.deleted_at IS NULL"
      " AND s.reblog_of_id IS NULL",
      {tag.id, account_id});
  int64_t id = next_id();
  c.execute(
      "INSERT INTO featured_tags (id, account_id, tag_id, statuses_count, last_status_at, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {id, account_id, tag.id, usage->int64(0),
       usage->is_null(1) ? SqlValue{} : SqlValue{usage->int64(1)}, now});
  return *find_featured(c, account_id, id);
}

void remove_featured(Connection& c, int64_t featured_id) {
  c.execute("DELETE FROM featured_tags WHERE id = ?", {featured_id});
}

std::vector<model::Tag> suggested_for(Connection& c, int64_t account_id, int limit) {
  std::vector<model::Tag> out;
  for (const auto& r : c.query(
           std::string("SELECT ") + kTagColumns +
               " FROM statuses_tags st JOIN tags t ON t.id = st.tag_id"
               " WHERE st.status_id IN (SELECT id FROM statuses WHERE account_id = ? AND deleted_at IS NULL"
               " ORDER BY id DESC LIMIT 1000)"
               " AND t.id NOT IN (SELECT tag_id FROM featured_tags WHERE account_id = ?)"
               " GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT ?",
           {account_id, account_id, static_cast<int64_t>(limit)}))
    out.push_back(tag_from(r));
  return out;
}

std::vector<model::Tag> search(Connection& c, const TagSearch& q) {
  Statement s(select_tags("WHERE t.name LIKE ? ESCAPE '\\' AND (t.listable IS NULL OR t.listable = TRUE)"),
              {like_prefix(q.prefix)});
  if (q.exclude_unreviewed) s.add(" AND (t.name = ? OR t.trendable = TRUE)", {q.prefix});
  s.add(" ORDER BY length(t.name), t.name LIMIT ? OFFSET ?",
        {static_cast<int64_t>(q.limit), static_cast<int64_t>(q.offset)});
  std::vector<model::Tag> out;
  for (const auto& r : s.query(c)) out.push_back(tag_from(r));
  return out;
}

std::map<int64_t, std::map<int64_t, model::TagDay>> daily_use(Connection& c, const std::vector<int64_t>& tag_ids,
                                                              int64_t since_ms) {
  std::map<int64_t, std::map<int64_t, model::TagDay>> out;
  for_id_slices(tag_ids, [&](const std::vector<int64_t>& slice) {
    Statement s(
        "SELECT st.tag_id, s.created_at / 86400000 AS day, COUNT(*), COUNT(DISTINCT s.account_id)"
        " FROM statuses_tags st JOIN statuses s ON s.id = st.status_id"
        " WHERE s.created_at >= ? AND s.reblog_of_id IS NULL AND st.tag_id IN ",
        {since_ms});
    s.add_id_list(slice).add(" GROUP BY st.tag_id, s.created_at / 86400000");
    for (const auto& r : s.query(c)) {
      int64_t day = r.int64(1) * kDayMs;
      out[r.int64(0)][day] = {day, r.int64(2), r.int64(3)};
    }
  });
  return out;
}

std::vector<model::Tag> trending(Connection& c, int64_t since_ms, int limit, int offset, TrendReview review) {
  std::string trendable = review == TrendReview::all                        ? "1 = 1"
                          : review == TrendReview::reviewed_or_unreviewed ? "(t.trendable IS NULL OR t.trendable = TRUE)"
                                                                          : "t.trendable = TRUE";
  std::vector<model::Tag> out;
  for (const auto& r : c.query(
           select_tags("JOIN (SELECT st.tag_id, COUNT(DISTINCT s.account_id) AS accounts, COUNT(*) AS uses"
                       " FROM statuses_tags st JOIN statuses s ON s.id = st.status_id"
                       " JOIN accounts a ON a.id = s.account_id"
                       " WHERE s.created_at >= ? AND s.visibility = 0 AND s.reblog_of_id IS NULL"
                       " AND a.suspended_at IS NULL AND a.silenced_at IS NULL"
                       " GROUP BY st.tag_id) u ON u.tag_id = t.id"
                       " WHERE t.usable = TRUE AND " + trendable +
                       " AND (t.listable IS NULL OR t.listable = TRUE)"
                       " ORDER BY u.accounts DESC, u.uses DESC, t.name LIMIT ? OFFSET ?"),
           {since_ms, static_cast<int64_t>(limit), static_cast<int64_t>(offset)}))
    out.push_back(tag_from(r));
  return out;
}

bool review(Connection& c, int64_t tag_id, bool trendable, int64_t now_ms) {
  return c.execute("UPDATE tags SET trendable = ?, reviewed_at = ?, updated_at = ? WHERE id = ?",
                   {trendable, now_ms, now_ms, tag_id}) > 0;
}

}  // namespace agora::store::tags
