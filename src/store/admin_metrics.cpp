#include "store/admin_metrics.h"

#include "store/statement.h"

namespace agora::store::admin_metrics {

namespace {

// Each series as rows of (t: when, k: what is counted once, or the bytes summed).
struct Source {
  const char* sql;
  bool by_tag = false;
  bool by_domain = false;
  bool sums = false;  // SUM(k) instead of COUNT(DISTINCT k)
};

Source source_of(Series s) {
  switch (s) {
    case Series::active_users:
      return {"SELECT current_sign_in_at AS t, id AS k FROM users"
              " UNION ALL SELECT last_sign_in_at AS t, id AS k FROM users"};
    case Series::new_users:
      return {"SELECT created_at AS t, id AS k FROM users"};
    case Series::interactions:  // favourites, boosts and replies of local posts
      return {"SELECT f.created_at AS t, f.id AS k FROM favourites f JOIN statuses s ON s.id = f.status_id"
              " WHERE s.local"
              " UNION ALL SELECT r.created_at AS t, r.id AS k FROM statuses r JOIN statuses s"
              " ON s.id = r.reblog_of_id OR s.id = r.in_reply_to_id WHERE s.local AND r.deleted_at IS NULL"};
    case Series::opened_reports:
      return {"SELECT created_at AS t, id AS k FROM reports"};
    case Series::resolved_reports:
      return {"SELECT action_taken_at AS t, id AS k FROM reports"};
    case Series::tag_accounts:
      return {"SELECT s.created_at AS t, s.account_id AS k FROM statuses_tags st JOIN statuses s"
              " ON s.id = st.status_id WHERE st.tag_id = ? AND s.deleted_at IS NULL", true};
    case Series::tag_uses:
      return {"SELECT s.created_at AS t, s.id AS k FROM statuses_tags st JOIN statuses s"
              " ON s.id = st.status_id WHERE st.tag_id = ? AND s.deleted_at IS NULL", true};
    case Series::tag_servers:
      return {"SELECT s.created_at AS t, a.domain AS k FROM statuses_tags st JOIN statuses s"
              " ON s.id = st.status_id JOIN accounts a ON a.id = s.account_id"
              " WHERE st.tag_id = ? AND s.deleted_at IS NULL", true};
    case Series::instance_accounts:
      return {"SELECT created_at AS t, id AS k FROM accounts WHERE domain = ?", false, true};
    case Series::instance_media_attachments:
      return {"SELECT m.created_at AS t, COALESCE(m.file_size, 0) AS k FROM media_attachments m"
              " JOIN accounts a ON a.id = m.account_id WHERE a.domain = ?", false, true, true};
    case Series::instance_reports:
      return {"SELECT r.created_at AS t, r.id AS k FROM reports r JOIN accounts a ON a.id = r.target_account_id"
              " WHERE a.domain = ?", false, true};
    case Series::instance_statuses:
      return {"SELECT s.created_at AS t, s.id AS k FROM statuses s JOIN accounts a ON a.id = s.account_id"
              " WHERE a.domain = ? AND s.deleted_at IS NULL", false, true};
    case Series::instance_follows:  // their accounts following ours
      return {"SELECT f.created_at AS t, f.id AS k FROM follows f JOIN accounts a ON a.id = f.account_id"
              " WHERE a.domain = ?", false, true};
    case Series::instance_followers:  // ours following theirs
      return {"SELECT f.created_at AS t, f.id AS k FROM follows f JOIN accounts a ON a.id = f.target_account_id"
              " WHERE a.domain = ?", false, true};
  }
  return {""};
}

Statement over(Series s, const Subject& of, const std::string& select, int64_t from, int64_t to) {
  auto src = source_of(s);
  Statement st(select + " FROM (");
  if (src.by_tag) st.add(src.sql, {of.tag_id.value_or(0)});
  else if (src.by_domain) st.add(src.sql, {of.domain});
  else st.add(src.sql);
  st.add(") e WHERE t >= ? AND t < ?", {from, to});
  return st;
}

std::string aggregate(Series s) { return source_of(s).sums ? "COALESCE(SUM(k), 0)" : "COUNT(DISTINCT k)"; }

std::vector<Entry> entries(const std::vector<Row>& rows) {
  std::vector<Entry> out;
  for (const auto& r : rows) out.push_back({r.opt_text(0).value_or(""), r.int64(1)});
  return out;
}

}  // namespace

int64_t total(Connection& c, Series s, const Subject& of, int64_t from, int64_t to) {
  auto rows = over(s, of, "SELECT " + aggregate(s), from, to).query(c);
  return rows.empty() ? 0 : rows[0].int64(0);
}

std::map<int64_t, int64_t> per_day(Connection& c, Series s, const Subject& of, int64_t from, int64_t to) {
  auto st = over(s, of, "SELECT t / " + std::to_string(kDayMs) + ", " + aggregate(s), from, to);
  st.add(" GROUP BY t / " + std::to_string(kDayMs));
  std::map<int64_t, int64_t> out;
  for (const auto& r : st.query(c)) out[r.int64(0)] = r.int64(1);
  return out;
}

std::vector<Entry> user_locales(Connection& c, int64_t from, int64_t to, int limit) {
  return entries(c.query("SELECT COALESCE(locale, ''), COUNT(*) FROM users"
                         " WHERE current_sign_in_at >= ? AND current_sign_in_at < ?"
                         " GROUP BY COALESCE(locale, '') ORDER BY COUNT(*) DESC, 1 LIMIT ?",
                         {from, to, int64_t{limit}}));
}

std::vector<Entry> sign_up_sources(Connection& c, int64_t from, int64_t to, int limit) {
  // Which app a member signed up with is not recorded: every sign-up is the website's.
  auto rows = c.query("SELECT 'web', COUNT(*) FROM users WHERE created_at >= ? AND created_at < ?", {from, to});
  auto out = entries(rows);
  if (out.empty() || out[0].value == 0 || limit < 1) return {};
  return out;
}

std::vector<Entry> status_servers(Connection& c, int64_t from, int64_t to, int limit) {
  return entries(c.query("SELECT COALESCE(a.domain, ''), COUNT(*) FROM statuses s JOIN accounts a"
                         " ON a.id = s.account_id WHERE s.created_at >= ? AND s.created_at < ?"
                         " AND s.deleted_at IS NULL GROUP BY COALESCE(a.domain, '')"
                         " ORDER BY COUNT(*) DESC, 1 LIMIT ?",
                         {from, to, int64_t{limit}}));
}

std::vector<Entry> tag_servers(Connection& c, int64_t tag_id, int64_t from, int64_t to, int limit) {
  return entries(c.query("SELECT COALESCE(a.domain, ''), COUNT(*) FROM statuses_tags st"
                         " JOIN statuses s ON s.id = st.status_id JOIN accounts a ON a.id = s.account_id"
                         " WHERE st.tag_id = ? AND s.created_at >= ? AND s.created_at < ? AND s.deleted_at IS NULL"
                         " GROUP BY COALESCE(a.domain, '') ORDER BY COUNT(*) DESC, 1 LIMIT ?",
                         {tag_id, from, to, int64_t{limit}}));
}

std::vector<Entry> tag_languages(Connection& c, int64_t tag_id, int64_t from, int64_t to, int limit) {
  return entries(c.query("SELECT s.language, COUNT(*) FROM statuses_tags st JOIN statuses s ON s.id = st.status_id"
                         " WHERE st.tag_id = ? AND s.created_at >= ? AND s.created_at < ? AND s.deleted_at IS NULL"
                         " AND s.language IS NOT NULL GROUP BY s.language ORDER BY COUNT(*) DESC, 1 LIMIT ?",
                         {tag_id, from, to, int64_t{limit}}));
}

std::vector<Entry> instance_accounts(Connection& c, const std::string& domain, int limit) {
  return entries(c.query("SELECT username, followers_count FROM accounts WHERE domain = ?"
                         " ORDER BY followers_count DESC, username LIMIT ?",
                         {domain, int64_t{limit}}));
}

std::vector<Entry> instance_languages(Connection& c, const std::string& domain, int64_t from, int64_t to,
                                      int limit) {
  return entries(c.query("SELECT s.language, COUNT(*) FROM statuses s JOIN accounts a ON a.id = s.account_id"
                         " WHERE a.domain = ? AND s.created_at >= ? AND s.created_at < ? AND s.deleted_at IS NULL"
                         " AND s.language IS NOT NULL GROUP BY s.language ORDER BY COUNT(*) DESC, 1 LIMIT ?",
                         {domain, from, to, int64_t{limit}}));
}

int64_t database_bytes(Connection& c) {
  if (c.dialect() == Dialect::postgres)
    return c.query_one("SELECT pg_database_size(current_database())")->int64(0);
  return c.query_one("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")->int64(0);
}

int64_t media_bytes(Connection& c) {
  return c.query_one("SELECT COALESCE(SUM(file_size), 0) FROM media_attachments")->int64(0);
}

std::string database_version(Connection& c) {
  if (c.dialect() == Dialect::postgres) return c.query_one("SELECT current_setting('server_version')")->text(0);
  return c.query_one("SELECT sqlite_version()")->text(0);
}

std::vector<Member> members_created(Connection& c, int64_t from, int64_t to) {
  std::vector<Member> out;
  for (const auto& r : c.query("SELECT created_at, current_sign_in_at FROM users WHERE created_at >= ?"
                               " AND created_at < ?",
                               {from, to}))
    out.push_back({r.int64(0), r.opt_int64(1)});
  return out;
}

}  // namespace agora::store::admin_metrics
