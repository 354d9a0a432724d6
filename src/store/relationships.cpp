#include "store/relationships.h"

#include "store/json_columns.h"
#include "store/statement.h"

namespace agora::store::relationships {

std::map<int64_t, model::Relationship> load(Connection& c, int64_t viewer, const std::vector<int64_t>& target_ids,
                                            bool with_suspended, int64_t now_ms) {
  std::map<int64_t, model::Relationship> out;
  if (target_ids.empty()) return out;
  // One row per target: the viewer's own rows are joined, the other checks are EXISTS.
  Statement s(
      "SELECT a.id,"
      " f.id IS NOT NULL, f.show_reblogs, f.notify, f.languages,"
      " r.id IS NOT NULL, r.show_reblogs, r.notify, r.languages,"
      " m.id IS NOT NULL, m.hide_notifications, m.expires_at,"
      " n.comment,"
      " EXISTS (SELECT 1 FROM follows WHERE account_id = a.id AND target_account_id = ?),"
      " EXISTS (SELECT 1 FROM follow_requests WHERE account_id = a.id AND target_account_id = ?),"
      " EXISTS (SELECT 1 FROM blocks WHERE account_id = ? AND target_account_id = a.id),"
      " EXISTS (SELECT 1 FROM blocks WHERE account_id = a.id AND target_account_id = ?),"
      " EXISTS (SELECT 1 FROM account_domain_blocks WHERE account_id = ? AND domain = a.domain),"
      " EXISTS (SELECT 1 FROM account_pins WHERE account_id = ? AND target_account_id = a.id)"
      " FROM accounts a"
      " LEFT JOIN follows f ON f.account_id = ? AND f.target_account_id = a.id"
      " LEFT JOIN follow_requests r ON r.account_id = ? AND r.target_account_id = a.id"
      " LEFT JOIN mutes m ON m.account_id = ? AND m.target_account_id = a.id"
      "  AND (m.expires_at IS NULL OR m.expires_at > ?)"
      " LEFT JOIN account_notes n ON n.account_id = ? AND n.target_account_id = a.id"
      " WHERE a.id IN ",
      {viewer, viewer, viewer, viewer, viewer, viewer, viewer, viewer, viewer, now_ms, viewer});
  s.add_id_list(target_ids);
  if (!with_suspended) s.add(" AND a.suspended_at IS NULL");
  for (const auto& row : s.query(c)) {
    model::Relationship r;
    r.account_id = row.int64(0);
    r.following = row.boolean(1);
    r.requested = row.boolean(5);
    // Boosts, notifications and languages show the follow's choice, or the pending request's.
    if (r.following) {
      r.showing_reblogs = row.boolean(2);
      r.notifying = row.boolean(3);
      r.languages = string_array_from(row, 4);
    } else if (r.requested) {
      r.showing_reblogs = row.boolean(6);
      r.notifying = row.boolean(7);
      r.languages = string_array_from(row, 8);
    }
    r.muting = row.boolean(9);
    r.muting_notifications = r.muting && row.boolean(10);
    r.muting_expires_at = r.muting ? row.opt_int64(11) : std::nullopt;
    r.note = row.text(12);
    r.followed_by = row.boolean(13);
    r.requested_by = row.boolean(14);
    r.blocking = row.boolean(15);
    r.blocked_by = row.boolean(16);
    r.domain_blocking = row.boolean(17);
    r.endorsed = row.boolean(18);
    out.emplace(r.account_id, std::move(r));
  }
  return out;
}

std::map<int64_t, std::vector<int64_t>> familiar_followers(Connection& c, int64_t viewer,
                                                           const std::vector<int64_t>& target_ids) {
  std::map<int64_t, std::vector<int64_t>> out;
  if (target_ids.empty()) return out;
  Statement s(
      "SELECT theirs.target_account_id, theirs.account_id FROM follows theirs"
      " JOIN follows mine ON mine.account_id = ? AND mine.target_account_id = theirs.account_id"
      " JOIN accounts a ON a.id = theirs.account_id"
      " WHERE a.suspended_at IS NULL AND (a.hide_collections IS NULL OR NOT a.hide_collections)"
      " AND theirs.target_account_id IN ",
      {viewer});
  s.add_id_list(target_ids);
  s.add(" ORDER BY theirs.id DESC");
  for (const auto& row : s.query(c)) out[row.int64(0)].push_back(row.int64(1));
  return out;
}

}  // namespace agora::store::relationships
