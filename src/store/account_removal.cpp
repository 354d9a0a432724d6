#include "store/account_removal.h"

#include "store/maintenance.h"

namespace agora::store::account_removal {

namespace {

void add_keys(std::vector<std::string>& keys, const std::vector<Row>& rows) {
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i)
      if (!r.is_null(i) && !r.text(i).empty()) keys.push_back(r.text(i));
}

std::vector<int64_t> ids(const std::vector<Row>& rows) {
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.int64(0));
  return out;
}

// What the removed accounts leave behind to repair: the counters others keep of them.
struct Detached {
  std::vector<std::string> keys;
  std::vector<int64_t> accounts, statuses;
};

// Everything common to removing and emptying accounts, before their own rows go:
// their file keys, who and what counted them, and others' boosts of their
// statuses and every feed entry showing either.
Detached detach(Connection& c, const std::string& condition, const SqlValue& value) {
  std::string removed = "(SELECT id FROM accounts WHERE " + condition + ")";
  std::string their_statuses = "(SELECT id FROM statuses WHERE account_id IN " + removed + ")";
  Detached d;
  add_keys(d.keys, c.query("SELECT file_key, thumbnail_key, preview_key FROM media_attachments WHERE account_id IN " +
                               removed,
                           {value}));
  add_keys(d.keys, c.query("SELECT avatar_file, header_file FROM accounts WHERE " + condition, {value}));
  d.accounts = ids(c.query("SELECT account_id FROM follows WHERE target_account_id IN " + removed +
                               " UNION SELECT target_account_id FROM follows WHERE account_id IN " + removed,
                           {value, value}));
  d.statuses = ids(c.query("SELECT in_reply_to_id FROM statuses WHERE in_reply_to_id IS NOT NULL AND account_id IN " +
                               removed +
                               " UNION SELECT reblog_of_id FROM statuses WHERE reblog_of_id IS NOT NULL"
                               " AND account_id IN " + removed +
                               " UNION SELECT status_id FROM favourites WHERE account_id IN " + removed,
                           {value, value, value}));
  c.execute("DELETE FROM feed_entries WHERE status_id IN " + their_statuses +
                " OR reblog_of_id IN " + their_statuses + " OR account_id IN " + removed,
            {value, value, value});
  c.execute("DELETE FROM statuses WHERE reblog_of_id IN " + their_statuses, {value});
  return d;
}

// Recounts what still exists of what counted the removed rows.
void repair(Connection& c, Detached& d) {
  std::erase_if(d.accounts, [&](int64_t id) { return !c.query_one("SELECT 1 FROM accounts WHERE id = ?", {id}); });
  std::erase_if(d.statuses, [&](int64_t id) { return !c.query_one("SELECT 1 FROM statuses WHERE id = ?", {id}); });
  maintenance::recount(c, d.accounts, d.statuses);
}

// What an emptied account owns or did, beyond its statuses and follows.
void delete_owned_rows(Connection& c, int64_t account_id) {
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
      {"follows", "account_id"},           {"follows", "target_account_id"},
      {"follow_requests", "account_id"},   {"follow_requests", "target_account_id"},
  };
  for (const auto& [table, column] : kOwned)
    c.execute(std::string("DELETE FROM ") + table + " WHERE " + column + " = ?", {account_id});
  c.execute("DELETE FROM feed_entries WHERE feed_owner_id = ? AND feed_kind = 0", {account_id});
}

}  // namespace

std::vector<std::string> remove_accounts(Connection& c, const std::string& condition, const SqlValue& value) {
  auto d = detach(c, condition, value);
  c.execute("DELETE FROM accounts WHERE " + condition, {value});
  repair(c, d);
  return std::move(d.keys);
}

std::vector<std::string> empty_account(Connection& c, int64_t account_id, int64_t now, bool keep_login) {
  auto d = detach(c, "id = ?", account_id);
  c.execute("DELETE FROM statuses WHERE account_id = ?", {account_id});
  delete_owned_rows(c, account_id);
  c.execute("UPDATE accounts SET display_name = '', note = '', note_source = '', fields = '[]',"
            " fields_source = '[]', avatar_file = NULL, avatar_remote_url = NULL, header_file = NULL,"
            " header_remote_url = NULL, last_status_at = NULL, silenced_at = NULL, locked = FALSE,"
            " discoverable = FALSE, moved_to_account_id = NULL,"
            " suspension_origin = CASE WHEN suspended_at IS NULL THEN 'local' ELSE suspension_origin END,"
            " suspended_at = COALESCE(suspended_at, ?), updated_at = ? WHERE id = ?",
            {now, now, account_id});
  if (!keep_login) c.execute("DELETE FROM users WHERE account_id = ?", {account_id});
  d.accounts.push_back(account_id);  // its own counts fall to zero with its rows
  repair(c, d);
  return std::move(d.keys);
}

}  // namespace agora::store::account_removal
