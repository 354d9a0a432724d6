#include "store/conversations.h"

#include <boost/json.hpp>

#include "core/snowflake.h"
#include "store/statement.h"

namespace agora::store::conversations {

namespace {

constexpr const char* kColumns = "id, account_id, conversation_id, participant_account_ids, last_status_id, unread";

std::string ids_json(const std::vector<int64_t>& ids) {
  boost::json::array a;
  for (int64_t id : ids) a.push_back(id);
  return boost::json::serialize(a);
}

std::vector<int64_t> ids_from(const std::string& text) {
  std::vector<int64_t> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array())
    if (e.is_int64()) out.push_back(e.as_int64());
  return out;
}

AccountConversation from(const Row& r) {
  return {r.int64(0), r.int64(1), r.int64(2), ids_from(r.text(3)), r.opt_int64(4), r.boolean(5)};
}

}  // namespace

void add_status(Connection& c, int64_t account_id, int64_t conversation_id, const std::vector<int64_t>& participants,
                int64_t status_id, bool unread, int64_t now) {
  c.execute(
      "INSERT INTO account_conversations (id, account_id, conversation_id, participant_account_ids,"
      " last_status_id, unread, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (account_id, conversation_id) DO UPDATE SET"
      " participant_account_ids = excluded.participant_account_ids, last_status_id = excluded.last_status_id,"
      " unread = excluded.unread, updated_at = excluded.updated_at"
      " WHERE account_conversations.last_status_id IS NULL OR account_conversations.last_status_id < ?",
      {next_id(), account_id, conversation_id, ids_json(participants), status_id, unread, now, status_id});
}

std::optional<int64_t> latest_direct_status(Connection& c, int64_t account_id, int64_t conversation_id) {
  auto row = c.query_one(
      "SELECT MAX(s.id) FROM statuses s WHERE s.conversation_id = ? AND s.visibility = 3"
      " AND s.reblog_of_id IS NULL AND (s.account_id = ?"
      " OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = ?))",
      {conversation_id, account_id, account_id});
  if (!row || row->is_null(0)) return std::nullopt;
  return row->int64(0);
}

std::vector<AccountConversation> with_last_status(Connection& c, int64_t conversation_id, int64_t status_id) {
  std::vector<AccountConversation> out;
  for (const auto& r : c.query(std::string("SELECT ") + kColumns +
                                   " FROM account_conversations WHERE conversation_id = ? AND last_status_id = ?",
                               {conversation_id, status_id}))
    out.push_back(from(r));
  return out;
}

void set_last_status(Connection& c, int64_t id, int64_t status_id, int64_t now) {
  c.execute("UPDATE account_conversations SET last_status_id = ?, updated_at = ? WHERE id = ?", {status_id, now, id});
}

std::optional<AccountConversation> find(Connection& c, int64_t account_id, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM account_conversations WHERE id = ? AND account_id = ?",
                         {id, account_id});
  if (!row) return std::nullopt;
  return from(*row);
}

std::vector<AccountConversation> page(Connection& c, int64_t account_id, const model::PageRequest& p) {
  Statement s(std::string("SELECT ") + kColumns +
                  " FROM account_conversations WHERE account_id = ? AND last_status_id IS NOT NULL",
              {account_id});
  s.add_page("last_status_id", p);
  std::vector<AccountConversation> out;
  for (const auto& r : s.query(c)) out.push_back(from(r));
  return out;
}

void mark_read(Connection& c, int64_t id, int64_t now) {
  c.execute("UPDATE account_conversations SET unread = FALSE, updated_at = ? WHERE id = ?", {now, id});
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM account_conversations WHERE id = ?", {id}); }

}  // namespace agora::store::conversations
