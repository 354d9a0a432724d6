#include "store/feeds.h"

#include "store/exclusions.h"
#include "store/statement.h"

namespace agora::store::feeds {

namespace {

constexpr const char* kInsert = "INSERT INTO feed_entries (feed_owner_id, feed_kind, status_id, account_id, reblog_of_id) ";

// " AND " what makes the reader f.account_id (following s's author through
// follow row f) want status s in a feed: FeedManager#filter_from_home.
// Exclusive lists only matter for the home feed.
void add_wanted(Statement& st, int64_t now_ms, Kind kind) {
  std::string muting =
      "EXISTS (SELECT 1 FROM mutes wm WHERE wm.account_id = f.account_id AND wm.target_account_id = %"
      " AND (wm.expires_at IS NULL OR wm.expires_at > ?))";
  auto mutes = [&](const std::string& who) {
    std::string out = muting;
    out.replace(out.find('%'), 1, who);
    return out;
  };
  st.add(" AND NOT EXISTS (SELECT 1 FROM blocks wb WHERE wb.account_id = f.account_id AND wb.target_account_id = s.account_id)"
         " AND NOT " + mutes("s.account_id"), {now_ms});
  st.add(" AND (s.reblog_of_id IS NULL OR f.show_reblogs)");
  // follows.languages is a JSON array such as ["de","en"]; a status without a language passes.
  st.add(" AND (s.language IS NULL OR f.languages IS NULL OR f.languages LIKE '%\"' || s.language || '\"%')");
  st.add(" AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id"
         " OR s.in_reply_to_account_id = f.account_id"
         " OR EXISTS (SELECT 1 FROM follows wf WHERE wf.account_id = f.account_id"
         " AND wf.target_account_id = s.in_reply_to_account_id))");
  // A boost whose original author blocks, or is blocked, muted or domain-blocked by, the reader.
  st.add(" AND (s.reblog_of_id IS NULL OR NOT EXISTS (SELECT 1 FROM statuses o JOIN accounts oa ON oa.id = o.account_id"
         " WHERE o.id = s.reblog_of_id AND (EXISTS (SELECT 1 FROM blocks ob WHERE (ob.account_id = f.account_id"
         " AND ob.target_account_id = o.account_id) OR (ob.account_id = o.account_id AND ob.target_account_id = f.account_id))"
         " OR " + mutes("o.account_id") +
         " OR (oa.domain IS NOT NULL AND EXISTS (SELECT 1 FROM account_domain_blocks od"
         " WHERE od.account_id = f.account_id AND od.domain = oa.domain)))))",
         {now_ms});
  if (kind == Kind::home)
    st.add(" AND NOT EXISTS (SELECT 1 FROM list_accounts xla JOIN lists xl ON xl.id = xla.list_id"
           " WHERE xla.account_id = s.account_id AND xl.account_id = f.account_id AND xl.exclusive)");
}

void delete_from_home_and_lists(Connection& c, const std::string& condition, int64_t owner_id,
                                const std::vector<SqlValue>& condition_args) {
  for (const char* owner : {"feed_kind = 0 AND feed_owner_id = ?",
                            "feed_kind = 1 AND feed_owner_id IN (SELECT id FROM lists WHERE account_id = ?)"}) {
    std::vector<SqlValue> args{owner_id};
    args.insert(args.end(), condition_args.begin(), condition_args.end());
    c.execute(std::string("DELETE FROM feed_entries WHERE ") + owner + " AND (" + condition + ")",
              std::span<const SqlValue>(args));
  }
}

}  // namespace

void add_to_homes(Connection& c, const model::Status& s, const std::vector<int64_t>& owner_ids) {
  SqlValue reblog_of = s.reblog_of_id ? SqlValue(*s.reblog_of_id) : SqlValue(SqlNull{});
  for (int64_t owner : owner_ids)
    c.execute(std::string(kInsert) + "VALUES (?, 0, ?, ?, ?) ON CONFLICT DO NOTHING",
              {owner, s.id, s.account_id, reblog_of});
}

void add_to_follower_homes(Connection& c, const model::Status& s, int64_t now_ms) {
  Statement st(std::string(kInsert) +
                   "SELECT f.account_id, 0, s.id, s.account_id, s.reblog_of_id FROM statuses s"
                   " JOIN follows f ON f.target_account_id = s.account_id"
                   " JOIN accounts fa ON fa.id = f.account_id AND fa.domain IS NULL WHERE s.id = ?",
               {s.id});
  add_wanted(st, now_ms, Kind::home);
  st.add(" ON CONFLICT DO NOTHING");
  st.execute(c);
}

void add_to_lists(Connection& c, const model::Status& s, int64_t now_ms) {
  Statement st(std::string(kInsert) +
                   "SELECT l.id, 1, s.id, s.account_id, s.reblog_of_id FROM statuses s"
                   " JOIN list_accounts la ON la.account_id = s.account_id JOIN lists l ON l.id = la.list_id"
                   " JOIN follows f ON f.account_id = l.account_id AND f.target_account_id = s.account_id"
                   " WHERE s.id = ?",
               {s.id});
  add_wanted(st, now_ms, Kind::list);
  st.add(" AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id"
         " OR s.in_reply_to_account_id = l.account_id"
         " OR (l.replies_policy = 'followed' AND EXISTS (SELECT 1 FROM follows rf WHERE rf.account_id = l.account_id"
         " AND rf.target_account_id = s.in_reply_to_account_id))"
         " OR (l.replies_policy = 'list' AND EXISTS (SELECT 1 FROM list_accounts rla WHERE rla.list_id = l.id"
         " AND rla.account_id = s.in_reply_to_account_id)))"
         " ON CONFLICT DO NOTHING");
  st.execute(c);
}

void merge_into_home(Connection& c, int64_t follower_id, int64_t author_id, int64_t now_ms, int count) {
  Statement st(std::string(kInsert) +
                   "SELECT f.account_id, 0, s.id, s.account_id, s.reblog_of_id FROM follows f"
                   " JOIN statuses s ON s.account_id = f.target_account_id"
                   " WHERE f.account_id = ? AND f.target_account_id = ? AND s.visibility IN (0, 1, 2)"
                   " AND s.id IN (SELECT id FROM statuses WHERE account_id = ? ORDER BY id DESC LIMIT ?)",
               {follower_id, author_id, author_id, static_cast<int64_t>(count)});
  add_wanted(st, now_ms, Kind::home);
  st.add(" ON CONFLICT DO NOTHING");
  st.execute(c);
}

void remove_author(Connection& c, int64_t owner_id, int64_t author_id) {
  delete_from_home_and_lists(c, "account_id = ?", owner_id, {author_id});
}

void clear_account(Connection& c, int64_t owner_id, int64_t target_id) {
  delete_from_home_and_lists(c,
                             "account_id = ?"
                             " OR reblog_of_id IN (SELECT id FROM statuses WHERE account_id = ?)"
                             " OR status_id IN (SELECT status_id FROM mentions WHERE account_id = ?)"
                             " OR reblog_of_id IN (SELECT status_id FROM mentions WHERE account_id = ?)",
                             owner_id, {target_id, target_id, target_id, target_id});
}

void trim(Connection& c, int64_t owner_id, Kind kind, int keep) {
  auto kind_value = static_cast<int64_t>(kind);
  auto oldest_kept = c.query(
      "SELECT status_id FROM feed_entries WHERE feed_owner_id = ? AND feed_kind = ?"
      " ORDER BY status_id DESC LIMIT 1 OFFSET ?",
      {owner_id, kind_value, static_cast<int64_t>(keep - 1)});
  if (oldest_kept.empty()) return;
  c.execute("DELETE FROM feed_entries WHERE feed_owner_id = ? AND feed_kind = ? AND status_id < ?",
            {owner_id, kind_value, oldest_kept.front().int64(0)});
}

std::vector<int64_t> local_follower_ids_in_shard(Connection& c, int64_t author_id, int64_t shard, int64_t shards) {
  // Ids are snowflakes (milliseconds << 16 | sequence): shard by the milliseconds.
  auto rows = c.query(
      "SELECT f.account_id FROM follows f JOIN accounts fa ON fa.id = f.account_id AND fa.domain IS NULL"
      " WHERE f.target_account_id = ? AND (f.account_id / 65536) % ? = ?",
      {author_id, shards, shard});
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.int64(0));
  return ids;
}

std::vector<int64_t> page(Connection& c, int64_t owner_id, Kind kind, int64_t viewer,
                          const model::PageRequest& page, int64_t now_ms) {
  Statement st(
      "SELECT fe.status_id FROM feed_entries fe JOIN accounts a ON a.id = fe.account_id"
      " LEFT JOIN statuses rs ON rs.id = fe.reblog_of_id LEFT JOIN accounts ra ON ra.id = rs.account_id"
      " WHERE fe.feed_owner_id = ? AND fe.feed_kind = ?",
      {owner_id, static_cast<int64_t>(kind)});
  add_not_excluded(st, "fe.account_id", "a.domain", viewer, now_ms);
  // For a boost, the boosted author too (ra is NULL otherwise, which passes).
  add_not_excluded(st, "ra.id", "ra.domain", viewer, now_ms);
  st.add_page("fe.status_id", page);
  std::vector<int64_t> ids;
  for (const auto& r : st.query(c)) ids.push_back(r.int64(0));
  return ids;
}

}  // namespace agora::store::feeds
