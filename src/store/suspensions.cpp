#include "store/suspensions.h"

#include "store/statement.h"

namespace agora::store::suspensions {

void request_deletion(Connection& c, int64_t account_id, int64_t now) {
  c.execute("DELETE FROM account_deletion_requests WHERE account_id = ?", {account_id});
  c.execute("INSERT INTO account_deletion_requests (account_id, created_at) VALUES (?, ?)", {account_id, now});
}

void cancel_deletion(Connection& c, int64_t account_id) {
  c.execute("DELETE FROM account_deletion_requests WHERE account_id = ?", {account_id});
}

std::optional<int64_t> deletion_requested_at(Connection& c, int64_t account_id) {
  auto row = c.query_one("SELECT created_at FROM account_deletion_requests WHERE account_id = ?", {account_id});
  if (!row) return std::nullopt;
  return row->int64(0);
}

namespace {
std::vector<int64_t> ids(const std::vector<Row>& rows) {
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.int64(0));
  return out;
}
}  // namespace

std::vector<int64_t> unsuspended_on_domain(Connection& c, const std::string& domain) {
  return ids(c.query("SELECT id FROM accounts WHERE domain IS NOT NULL AND suspended_at IS NULL"
                     " AND (lower(domain) = ? OR lower(domain) LIKE ?) ORDER BY id",
                     {domain, "%." + domain}));
}

std::vector<int64_t> suspended_on_domain_at(Connection& c, const std::string& domain, int64_t at) {
  return ids(c.query("SELECT id FROM accounts WHERE domain IS NOT NULL AND suspended_at = ?"
                     " AND suspension_origin = 'local' AND (lower(domain) = ? OR lower(domain) LIKE ?) ORDER BY id",
                     {at, domain, "%." + domain}));
}

std::vector<std::string> known_inboxes(Connection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT DISTINCT COALESCE(NULLIF(shared_inbox_url, ''), inbox_url) FROM accounts"
                               " WHERE domain IS NOT NULL AND suspended_at IS NULL"))
    if (!r.is_null(0) && !r.text(0).empty()) out.push_back(r.text(0));
  return out;
}

void purge_personal_rows(Connection& c, int64_t account_id, int64_t now) {
  // What the account owns or did; statuses and follows were removed with their counters before.
  static constexpr const char* kOwned[][2] = {
      {"status_pins", "account_id"},       {"scheduled_statuses", "account_id"},
      {"media_attachments", "account_id"}, {"poll_votes", "account_id"},
      {"tag_follows", "account_id"},       {"featured_tags", "account_id"},
      {"blocks", "account_id"},            {"blocks", "target_account_id"},
      {"mutes", "account_id"},             {"mutes", "target_account_id"},
      {"account_domain_blocks", "account_id"}, {"account_notes", "account_id"},
      {"account_notes", "target_account_id"},  {"account_pins", "account_id"},
      {"account_pins", "target_account_id"},   {"conversation_mutes", "account_id"},
      {"account_conversations", "account_id"}, {"favourites", "account_id"},
      {"bookmarks", "account_id"},         {"lists", "account_id"},
      {"list_accounts", "account_id"},     {"notifications", "account_id"},
      {"notifications", "from_account_id"}, {"notification_requests", "account_id"},
      {"notification_requests", "from_account_id"}, {"markers", "account_id"},
      {"filters", "account_id"},           {"feed_entries", "account_id"},
      {"account_aliases", "account_id"},   {"account_exports", "account_id"},
      {"account_imports", "account_id"},   {"bulk_imports", "account_id"},
      {"account_archives", "account_id"},  {"follow_suggestion_dismissals", "account_id"},
      {"follow_suggestion_dismissals", "target_account_id"},
  };
  for (const auto& [table, column] : kOwned)
    c.execute(std::string("DELETE FROM ") + table + " WHERE " + column + " = ?", {account_id});
  c.execute("DELETE FROM feed_entries WHERE feed_owner_id = ? AND feed_kind = 0", {account_id});
  c.execute("UPDATE accounts SET display_name = '', note = '', note_source = '', fields = '[]',"
            " fields_source = '[]', avatar_file = NULL, avatar_remote_url = NULL, header_file = NULL,"
            " header_remote_url = NULL, statuses_count = 0, last_status_at = NULL, updated_at = ? WHERE id = ?",
            {now, account_id});
}

}  // namespace agora::store::suspensions

namespace agora::store::suspensions {
void follow_remote_flag(Connection& c, int64_t account_id, bool suspended, int64_t now) {
  if (suspended)
    c.execute("UPDATE accounts SET suspended_at = ?, suspension_origin = 'remote'"
              " WHERE id = ? AND domain IS NOT NULL AND suspended_at IS NULL",
              {now, account_id});
  else
    c.execute("UPDATE accounts SET suspended_at = NULL, suspension_origin = NULL"
              " WHERE id = ? AND domain IS NOT NULL AND suspension_origin = 'remote'",
              {account_id});
}
}  // namespace agora::store::suspensions
