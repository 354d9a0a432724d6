#include "store/feeds.h"

namespace agora::store::feeds {

void add_to_homes(Connection& c, const model::Status& s, const std::vector<int64_t>& owner_ids) {
  SqlValue reblog_of = s.reblog_of_id ? SqlValue(*s.reblog_of_id) : SqlValue(SqlNull{});
  for (int64_t owner : owner_ids)
    c.execute(
        "INSERT INTO feed_entries (feed_owner_id, feed_kind, status_id, account_id, reblog_of_id)"
        " VALUES (?, 0, ?, ?, ?) ON CONFLICT DO NOTHING",
        {owner, s.id, s.account_id, reblog_of});
}

void add_to_follower_homes(Connection& c, const model::Status& s, int64_t now_ms) {
  SqlValue reblog_of = s.reblog_of_id ? SqlValue(*s.reblog_of_id) : SqlValue(SqlNull{});
  bool reply_to_other = s.in_reply_to_account_id && *s.in_reply_to_account_id != s.account_id;
  std::string sql =
      "INSERT INTO feed_entries (feed_owner_id, feed_kind, status_id, account_id, reblog_of_id)"
      " SELECT f.account_id, 0, ?, ?, ? FROM follows f JOIN accounts fa ON fa.id = f.account_id AND fa.domain IS NULL"
      " WHERE f.target_account_id = ?"
      " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = f.account_id AND b.target_account_id = ?)"
      " AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = f.account_id AND m.target_account_id = ?"
      " AND (m.expires_at IS NULL OR m.expires_at > ?))";
  std::vector<SqlValue> args{s.id, s.account_id, reblog_of, s.account_id, s.account_id, s.account_id, now_ms};
  if (s.reblog_of_id) sql += " AND f.show_reblogs";
  if (s.language) {
    // languages is a JSON array such as ["de","en"]; match the quoted code.
    sql += " AND (f.languages IS NULL OR f.languages LIKE ?)";
    args.emplace_back("%\"" + *s.language + "\"%");
  }
  if (reply_to_other) {
    sql += " AND EXISTS (SELECT 1 FROM follows rf WHERE rf.account_id = f.account_id AND rf.target_account_id = ?)";
    args.emplace_back(*s.in_reply_to_account_id);
  }
  sql += " ON CONFLICT DO NOTHING";
  c.execute(sql, std::span<const SqlValue>(args));
}

}  // namespace agora::store::feeds
