#include "store/timelines.h"

#include "store/exclusions.h"
#include "store/statement.h"

namespace agora::store::timelines {

namespace {

// " AND " Mastodon's PublicFeed scope over statuses s. The literals (not
// placeholders) let both databases use the partial indexes
// statuses_public_timeline and statuses_local_timeline. The author is looked
// up per status (by its key, a scalar subquery) rather than joined: for a
// join SQLite built a Bloom filter over every account on each page, which
// cost 2 ms at 11,000 accounts where the lookups of a page cost 0.1 ms, and
// PostgreSQL turned NOT EXISTS into an anti-join hashing every account.
void add_public_scope(Statement& st, std::optional<int64_t> viewer, const PublicFilter& f, int64_t now_ms) {
  st.add(" AND s.visibility = 0 AND s.reblog_of_id IS NULL AND s.deleted_at IS NULL");
  bool local_only = f.local_only && !f.remote_only;
  bool remote_only = f.remote_only && !f.local_only;
  if (local_only) st.add(" AND s.local");
  if (remote_only) st.add(" AND NOT s.local");
  st.add(" AND (SELECT a.suspended_at IS NULL AND a.silenced_at IS NULL FROM accounts a WHERE a.id = s.account_id)");
  if (!f.with_replies) st.add(" AND (s.in_reply_to_id IS NULL OR s.in_reply_to_account_id = s.account_id)");
  if (f.only_media) st.add(" AND EXISTS (SELECT 1 FROM media_attachments ma WHERE ma.status_id = s.id)");
  // Local accounts have no domain to block, so the domain check only matters beyond local.
  if (viewer)
    add_not_excluded(st, "s.account_id",
                     local_only ? "NULL" : "(SELECT ad.domain FROM accounts ad WHERE ad.id = s.account_id)", *viewer,
                     now_ms);
}

std::vector<int64_t> ids_of(const Statement& st, Connection& c) {
  std::vector<int64_t> ids;
  for (const auto& r : st.query(c)) ids.push_back(r.int64(0));
  return ids;
}

}  // namespace

std::vector<int64_t> public_page(Connection& c, std::optional<int64_t> viewer, const PublicFilter& filter,
                                 const model::PageRequest& page, int64_t now_ms) {
  Statement st("SELECT s.id FROM statuses s WHERE 1 = 1");
  add_public_scope(st, viewer, filter, now_ms);
  st.add_page("s.id", page);
  return ids_of(st, c);
}

std::vector<int64_t> tag_ids(Connection& c, const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::string sql = "SELECT id FROM tags WHERE name IN (";
  std::vector<SqlValue> args;
  for (const auto& n : names) {
    sql += args.empty() ? "?" : ",?";
    args.emplace_back(n);
  }
  std::vector<int64_t> ids;
  for (const auto& r : c.query(sql + ")", std::span<const SqlValue>(args))) ids.push_back(r.int64(0));
  return ids;
}

std::vector<int64_t> tag_page(Connection& c, std::optional<int64_t> viewer, const std::vector<int64_t>& any_tag_ids,
                              const std::vector<int64_t>& all_tag_ids, const std::vector<int64_t>& none_tag_ids,
                              const PublicFilter& filter, const model::PageRequest& page, int64_t now_ms) {
  if (any_tag_ids.empty()) return {};
  Statement st(
      "SELECT DISTINCT st.status_id FROM statuses_tags st JOIN statuses s ON s.id = st.status_id"
      " WHERE st.tag_id IN ");
  st.add_id_list(any_tag_ids);
  for (int64_t tag : all_tag_ids)
    st.add(" AND EXISTS (SELECT 1 FROM statuses_tags sta WHERE sta.status_id = s.id AND sta.tag_id = ?)", {tag});
  if (!none_tag_ids.empty()) {
    st.add(" AND NOT EXISTS (SELECT 1 FROM statuses_tags stn WHERE stn.status_id = s.id AND stn.tag_id IN ");
    st.add_id_list(none_tag_ids);
    st.add(")");
  }
  add_public_scope(st, viewer, filter, now_ms);
  st.add_page("st.status_id", page);
  return ids_of(st, c);
}

bool link_known(Connection& c, const std::string& url) {
  return !c.query("SELECT 1 FROM status_links WHERE url = ? LIMIT 1", {url}).empty();
}

std::vector<int64_t> link_page(Connection& c, std::optional<int64_t> viewer, const std::string& url,
                               const model::PageRequest& page, int64_t now_ms) {
  Statement st(
      "SELECT sl.status_id FROM status_links sl JOIN statuses s ON s.id = sl.status_id WHERE sl.url = ?",
      {url});
  add_public_scope(st, viewer, PublicFilter{.with_replies = true}, now_ms);
  st.add_page("sl.status_id", page);
  return ids_of(st, c);
}

bool owns_list(Connection& c, int64_t account_id, int64_t list_id) {
  return !c.query("SELECT 1 FROM lists WHERE id = ? AND account_id = ?", {list_id, account_id}).empty();
}

}  // namespace agora::store::timelines
