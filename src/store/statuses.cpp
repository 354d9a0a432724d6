#include "store/statuses.h"

#include "core/snowflake.h"
#include "store/id_probes.h"
#include "store/statement.h"

namespace agora::store::statuses {

namespace {

constexpr const char* kColumns =
    "id, account_id, uri, url, local, text, content, spoiler_text, sensitive, visibility, language,"
    " in_reply_to_id, in_reply_to_account_id, reblog_of_id, conversation_id, application_id, poll_id,"
    " replies_count, reblogs_count, favourites_count, created_at, edited_at, updated_at";

model::Status status_from(const Row& r) {
  model::Status s;
  s.id = r.int64(0);
  s.account_id = r.int64(1);
  s.uri = r.text(2);
  s.url = r.text(3);
  s.local = r.boolean(4);
  s.text = r.text(5);
  s.content = r.text(6);
  s.spoiler_text = r.text(7);
  s.sensitive = r.boolean(8);
  s.visibility = static_cast<model::Visibility>(r.int64(9));
  s.language = r.opt_text(10);
  s.in_reply_to_id = r.opt_int64(11);
  s.in_reply_to_account_id = r.opt_int64(12);
  s.reblog_of_id = r.opt_int64(13);
  s.conversation_id = r.opt_int64(14);
  s.application_id = r.opt_int64(15);
  s.poll_id = r.opt_int64(16);
  s.replies_count = r.int64(17);
  s.reblogs_count = r.int64(18);
  s.favourites_count = r.int64(19);
  s.created_at = r.int64(20);
  s.edited_at = r.opt_int64(21);
  s.updated_at = r.int64(22);
  return s;
}

SqlValue nullable(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(SqlNull{}); }
SqlValue nullable(const std::optional<std::string>& v) { return v ? SqlValue(*v) : SqlValue(SqlNull{}); }

}  // namespace

void insert(Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned,
            const std::vector<int64_t>& tag_ids) {
  c.execute(std::string("INSERT INTO statuses (") + kColumns +
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {s.id, s.account_id, s.uri, s.url.empty() ? SqlValue(SqlNull{}) : SqlValue(s.url), s.local, s.text,
             s.content, s.spoiler_text, s.sensitive, static_cast<int64_t>(s.visibility), nullable(s.language),
             nullable(s.in_reply_to_id), nullable(s.in_reply_to_account_id), nullable(s.reblog_of_id),
             nullable(s.conversation_id), nullable(s.application_id), nullable(s.poll_id), s.replies_count,
             s.reblogs_count, s.favourites_count, s.created_at, nullable(s.edited_at), s.updated_at});
  for (int64_t account_id : mentioned)
    c.execute("INSERT INTO mentions (id, status_id, account_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
              {next_id(), s.id, account_id});
  for (int64_t tag_id : tag_ids)
    c.execute("INSERT INTO statuses_tags (status_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING", {s.id, tag_id});
  // Boosts count on the boosted status, not as the booster's statuses.
  if (s.reblog_of_id) {
    c.execute("UPDATE statuses SET reblogs_count = reblogs_count + 1 WHERE id = ?", {*s.reblog_of_id});
    return;
  }
  c.execute(
      "UPDATE accounts SET statuses_count = statuses_count + 1, last_status_at = ? WHERE id = ?",
      {s.created_at, s.account_id});
  if (s.in_reply_to_id)
    c.execute("UPDATE statuses SET replies_count = replies_count + 1 WHERE id = ?", {*s.in_reply_to_id});
}

void remove(Connection& c, const model::Status& s) {
  // Boosts of this status go with it (they were never counted as statuses),
  // and all of them leave every feed.
  for (int64_t boost : reblog_ids(c, s.id)) c.execute("DELETE FROM feed_entries WHERE status_id = ?", {boost});
  c.execute("DELETE FROM feed_entries WHERE status_id = ?", {s.id});
  c.execute("DELETE FROM statuses WHERE reblog_of_id = ?", {s.id});
  c.execute("DELETE FROM statuses WHERE id = ?", {s.id});
  if (s.reblog_of_id) {
    c.execute("UPDATE statuses SET reblogs_count = reblogs_count - 1 WHERE id = ? AND reblogs_count > 0",
              {*s.reblog_of_id});
    return;
  }
  c.execute("UPDATE accounts SET statuses_count = statuses_count - 1 WHERE id = ? AND statuses_count > 0",
            {s.account_id});
  if (s.in_reply_to_id)
    c.execute("UPDATE statuses SET replies_count = replies_count - 1 WHERE id = ? AND replies_count > 0",
              {*s.in_reply_to_id});
}

void update_edited(Connection& c, const model::Status& s) {
  c.execute(
      "UPDATE statuses SET text = ?, content = ?, spoiler_text = ?, sensitive = ?, language = ?, poll_id = ?,"
      " edited_at = ?, updated_at = ? WHERE id = ?",
      {s.text, s.content, s.spoiler_text, s.sensitive, nullable(s.language), nullable(s.poll_id), nullable(s.edited_at),
       s.updated_at, s.id});
}

std::vector<int64_t> replace_mentions(Connection& c, int64_t status_id, const std::vector<int64_t>& account_ids) {
  std::set<int64_t> before;
  for (const auto& r : c.query("SELECT account_id FROM mentions WHERE status_id = ?", {status_id}))
    before.insert(r.int64(0));
  std::set<int64_t> wanted(account_ids.begin(), account_ids.end());
  std::vector<int64_t> added;
  for (int64_t id : before)
    c.execute("UPDATE mentions SET silent = ? WHERE status_id = ? AND account_id = ?",
              {!wanted.contains(id), status_id, id});
  for (int64_t id : account_ids)
    if (!before.contains(id)) {
      c.execute("INSERT INTO mentions (id, status_id, account_id) VALUES (?, ?, ?)", {next_id(), status_id, id});
      added.push_back(id);
    }
  return added;
}

std::vector<int64_t> local_reblogger_ids(Connection& c, int64_t status_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT DISTINCT s.account_id FROM statuses s JOIN accounts a ON a.id = s.account_id"
                               " WHERE s.reblog_of_id = ? AND a.domain IS NULL ORDER BY s.account_id",
                               {status_id}))
    out.push_back(r.int64(0));
  return out;
}

std::optional<model::Status> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM statuses WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return status_from(*row);
}

std::optional<model::Status> find_by_uri(Connection& c, const std::string& uri) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM statuses WHERE uri = ?", {uri});
  if (!row) return std::nullopt;
  return status_from(*row);
}

std::vector<model::Status> of_account(Connection& c, int64_t account_id) {
  std::vector<model::Status> out;
  for (const auto& r : c.query(std::string("SELECT ") + kColumns + " FROM statuses WHERE account_id = ?", {account_id}))
    out.push_back(status_from(r));
  return out;
}

std::vector<model::Status> find_many(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<model::Status> out;
  for_id_slices(ids, [&](const std::vector<int64_t>& slice) {
    Statement s(std::string("SELECT ") + kColumns + " FROM statuses WHERE id IN ");
    s.add_id_list(slice);
    for (const auto& r : s.query(c)) out.push_back(status_from(r));
  });
  return out;
}

std::vector<model::Status> find_many_with_originals(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<model::Status> out;
  for_id_slices(ids, [&](const std::vector<int64_t>& slice) {
    // UNION ALL, not OR: for "id IN (…) OR id IN (subquery)" PostgreSQL read the whole table.
    Statement s(std::string("SELECT ") + kColumns + " FROM statuses WHERE id IN ");
    s.add_id_list(slice).add(std::string(" UNION ALL SELECT ") + kColumns +
                             " FROM statuses WHERE id IN (SELECT b.reblog_of_id FROM statuses b WHERE b.id IN ");
    s.add_id_list(slice).add(")");
    for (const auto& r : s.query(c)) out.push_back(status_from(r));
  });
  return out;
}

std::optional<model::Status> find_reblog(Connection& c, int64_t account_id, int64_t reblog_of_id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM statuses WHERE reblog_of_id = ? AND account_id = ?",
                         {reblog_of_id, account_id});
  if (!row) return std::nullopt;
  return status_from(*row);
}

std::vector<int64_t> reblog_ids(Connection& c, int64_t status_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT id FROM statuses WHERE reblog_of_id = ?", {status_id}))
    out.push_back(r.int64(0));
  return out;
}

std::map<int64_t, std::vector<int64_t>> mentions(Connection& c, const std::vector<int64_t>& status_ids) {
  std::map<int64_t, std::vector<int64_t>> out;
  for_id_slices(status_ids, [&](const std::vector<int64_t>& slice) {
    Statement s("SELECT status_id, account_id FROM mentions WHERE NOT silent AND status_id IN ");
    s.add_id_list(slice).add(" ORDER BY id");
    for (const auto& r : s.query(c)) out[r.int64(0)].push_back(r.int64(1));
  });
  return out;
}

std::map<int64_t, std::vector<model::Tag>> tags(Connection& c, const std::vector<int64_t>& status_ids) {
  std::map<int64_t, std::vector<model::Tag>> out;
  for_id_slices(status_ids, [&](const std::vector<int64_t>& slice) {
    Statement s(
        "SELECT st.status_id, t.id, t.name, t.display_name FROM statuses_tags st JOIN tags t ON t.id = st.tag_id"
        " WHERE st.status_id IN ");
    s.add_id_list(slice).add(" ORDER BY t.name");
    for (const auto& r : s.query(c)) {
      model::Tag t;
      t.id = r.int64(1);
      t.name = r.text(2);
      t.display_name = r.text(3);
      out[r.int64(0)].push_back(std::move(t));
    }
  });
  return out;
}

std::map<int64_t, model::StatusApplication> applications(Connection& c, const std::vector<int64_t>& app_ids) {
  std::map<int64_t, model::StatusApplication> out;
  for_id_slices(app_ids, [&](const std::vector<int64_t>& slice) {
    Statement s("SELECT id, name, website FROM oauth_applications WHERE id IN ");
    s.add_id_list(slice);
    for (const auto& r : s.query(c)) {
      auto website = r.opt_text(2);
      if (website && website->empty()) website.reset();
      out[r.int64(0)] = {r.text(1), website};
    }
  });
  return out;
}

ViewerMarks viewer_marks(Connection& c, int64_t viewer, const std::vector<int64_t>& status_ids,
                         const std::vector<int64_t>& conversation_ids) {
  ViewerMarks m;
  run_probes(c, {
                    {"SELECT status_id FROM favourites WHERE account_id = ? AND status_id IN ", viewer, status_ids,
                     m.favourited},
                    {"SELECT status_id FROM bookmarks WHERE account_id = ? AND status_id IN ", viewer, status_ids,
                     m.bookmarked},
                    {"SELECT status_id FROM status_pins WHERE account_id = ? AND status_id IN ", viewer, status_ids,
                     m.pinned},
                    {"SELECT reblog_of_id FROM statuses WHERE account_id = ? AND reblog_of_id IN ", viewer,
                     status_ids, m.reblogged},
                    {"SELECT conversation_id FROM conversation_mutes WHERE account_id = ? AND conversation_id IN ",
                     viewer, conversation_ids, m.muted_conversations},
                });
  return m;
}

int64_t new_conversation(Connection& c, int64_t now_ms) {
  int64_t id = next_id();
  c.execute("INSERT INTO conversations (id, created_at) VALUES (?, ?)", {id, now_ms});
  return id;
}

}  // namespace agora::store::statuses
