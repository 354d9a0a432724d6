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

}  // namespace

std::vector<std::string> remove_accounts(Connection& c, const std::string& condition, const SqlValue& value) {
  std::string removed = "(SELECT id FROM accounts WHERE " + condition + ")";
  std::string their_statuses = "(SELECT id FROM statuses WHERE account_id IN " + removed + ")";
  std::vector<std::string> keys;
  add_keys(keys, c.query("SELECT file_key, thumbnail_key, preview_key FROM media_attachments WHERE account_id IN " +
                             removed,
                         {value}));
  add_keys(keys, c.query("SELECT avatar_file, header_file FROM accounts WHERE " + condition, {value}));
  // The accounts and statuses that stay but counted the removed ones' follows, replies, boosts and favourites.
  auto accounts = ids(c.query("SELECT account_id FROM follows WHERE target_account_id IN " + removed +
                                  " UNION SELECT target_account_id FROM follows WHERE account_id IN " + removed,
                              {value, value}));
  auto statuses = ids(c.query("SELECT in_reply_to_id FROM statuses WHERE in_reply_to_id IS NOT NULL AND account_id IN " +
                                  removed +
                                  " UNION SELECT reblog_of_id FROM statuses WHERE reblog_of_id IS NOT NULL"
                                  " AND account_id IN " + removed +
                                  " UNION SELECT status_id FROM favourites WHERE account_id IN " + removed,
                              {value, value, value}));
  // Others' boosts of their statuses go with them, and so do every feed entry showing either.
  c.execute("DELETE FROM feed_entries WHERE status_id IN " + their_statuses +
                " OR reblog_of_id IN " + their_statuses + " OR account_id IN " + removed,
            {value, value, value});
  c.execute("DELETE FROM statuses WHERE reblog_of_id IN " + their_statuses, {value});
  c.execute("DELETE FROM accounts WHERE " + condition, {value});
  std::erase_if(accounts, [&](int64_t id) { return !c.query_one("SELECT 1 FROM accounts WHERE id = ?", {id}); });
  std::erase_if(statuses, [&](int64_t id) { return !c.query_one("SELECT 1 FROM statuses WHERE id = ?", {id}); });
  maintenance::recount(c, accounts, statuses);
  return keys;
}

}  // namespace agora::store::account_removal
