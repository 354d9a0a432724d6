#include "store/digests.h"

namespace agora::store::digests {

std::vector<Candidate> due(Connection& c, int64_t away_since, int64_t sent_since, int64_t after_user_id, int limit) {
  std::vector<Candidate> out;
  for (const auto& r : c.query(
           "SELECT u.id, u.account_id, u.current_sign_in_at, d.sent_at FROM users u"
           " LEFT JOIN digest_mails d ON d.user_id = u.id"
           " WHERE u.id > ? AND u.confirmed_at IS NOT NULL AND u.disabled = ?"
           " AND u.current_sign_in_at IS NOT NULL AND u.current_sign_in_at < ?"
           " AND (d.sent_at IS NULL OR d.sent_at < ?) ORDER BY u.id LIMIT ?",
           {after_user_id, false, away_since, sent_since, static_cast<int64_t>(limit)}))
    out.push_back({r.int64(0), r.int64(1), r.opt_int64(2), r.opt_int64(3)});
  return out;
}

void mark_sent(Connection& c, int64_t user_id, int64_t now) {
  c.execute(
      "INSERT INTO digest_mails (user_id, sent_at) VALUES (?, ?)"
      " ON CONFLICT (user_id) DO UPDATE SET sent_at = excluded.sent_at",
      {user_id, now});
}

std::vector<Mention> mentions_since(Connection& c, int64_t account_id, int64_t since, int limit) {
  std::vector<Mention> out;
  for (const auto& r : c.query(
           "SELECT from_account_id, status_id FROM notifications WHERE account_id = ? AND type = 'mention'"
           " AND filtered = ? AND created_at > ? ORDER BY id DESC LIMIT ?",
           {account_id, false, since, static_cast<int64_t>(limit)}))
    out.push_back({r.int64(0), r.opt_int64(1)});
  return out;
}

int64_t count_mentions_since(Connection& c, int64_t account_id, int64_t since) {
  auto r = c.query_one(
      "SELECT COUNT(*) FROM notifications WHERE account_id = ? AND type = 'mention' AND filtered = ?"
      " AND created_at > ?",
      {account_id, false, since});
  return r ? r->int64(0) : 0;
}

}  // namespace agora::store::digests
