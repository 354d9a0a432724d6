#include "store/polls.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/snowflake.h"
#include "store/json_columns.h"
#include "store/statement.h"

namespace agora::store::polls {

namespace {

constexpr const char* kColumns =
    "id, status_id, account_id, options, tallies, multiple, hide_totals, votes_count, voters_count, expires_at,"
    " created_at";

std::vector<int64_t> tallies_from(const std::string& text) {
  std::vector<int64_t> out;
  std::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& n : v.as_array()) out.push_back(n.is_int64() ? n.as_int64() : 0);
  return out;
}

std::string tallies_text(const std::vector<int64_t>& tallies) {
  boost::json::array a;
  for (int64_t n : tallies) a.emplace_back(n);
  return boost::json::serialize(a);
}

std::string options_text(const std::vector<std::string>& options) {
  boost::json::array a;
  for (const auto& o : options) a.emplace_back(o);
  return boost::json::serialize(a);
}

SqlValue nullable(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(SqlNull{}); }

model::Poll poll_from(const Row& r) {
  model::Poll p;
  p.id = r.int64(0);
  p.status_id = r.opt_int64(1).value_or(0);
  p.account_id = r.int64(2);
  p.options = string_array_from(r, 3).value_or(std::vector<std::string>{});
  p.tallies = tallies_from(r.text(4));
  p.tallies.resize(p.options.size(), 0);
  p.multiple = r.boolean(5);
  p.hide_totals = r.boolean(6);
  p.votes_count = r.int64(7);
  p.voters_count = r.opt_int64(8);
  p.expires_at = r.opt_int64(9);
  p.created_at = r.int64(10);
  return p;
}

}  // namespace

void insert(Connection& c, const model::Poll& p, int64_t now) {
  c.execute(std::string("INSERT INTO polls (") + kColumns + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {p.id, p.status_id, p.account_id, options_text(p.options), tallies_text(p.tallies), p.multiple,
             p.hide_totals, p.votes_count, nullable(p.voters_count), nullable(p.expires_at), now, now});
}

std::optional<model::Poll> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM polls WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return poll_from(*row);
}

std::vector<model::Poll> find_many(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<model::Poll> out;
  for_id_slices(ids, [&](const std::vector<int64_t>& slice) {
    Statement s(std::string("SELECT ") + kColumns + " FROM polls WHERE id IN ");
    s.add_id_list(slice);
    for (const auto& r : s.query(c)) out.push_back(poll_from(r));
  });
  return out;
}

bool lock(Connection& c, int64_t id, int64_t now) {
  return c.execute("UPDATE polls SET updated_at = ? WHERE id = ?", {now, id}) == 1;
}

std::map<int64_t, std::vector<int>> votes_of(Connection& c, int64_t account_id, const std::vector<int64_t>& poll_ids) {
  std::map<int64_t, std::vector<int>> out;
  for_id_slices(poll_ids, [&](const std::vector<int64_t>& slice) {
    Statement s("SELECT poll_id, choice FROM poll_votes WHERE account_id = ? AND poll_id IN ", {account_id});
    s.add_id_list(slice).add(" ORDER BY id");
    for (const auto& r : s.query(c)) out[r.int64(0)].push_back(static_cast<int>(r.int64(1)));
  });
  return out;
}

void insert_vote(Connection& c, int64_t poll_id, int64_t account_id, int choice, int64_t now) {
  c.execute("INSERT INTO poll_votes (id, poll_id, account_id, choice, created_at) VALUES (?, ?, ?, ?, ?)",
            {next_id(), poll_id, account_id, static_cast<int64_t>(choice), now});
}

bool has_votes(Connection& c, int64_t poll_id) {
  return c.query_one("SELECT 1 FROM poll_votes WHERE poll_id = ? LIMIT 1", {poll_id}).has_value();
}

void recount(Connection& c, int64_t poll_id, size_t option_count) {
  std::vector<int64_t> tallies(option_count, 0);
  int64_t votes = 0;
  for (const auto& r : c.query("SELECT choice, COUNT(*) FROM poll_votes WHERE poll_id = ? GROUP BY choice", {poll_id})) {
    int64_t choice = r.int64(0);
    if (choice >= 0 && static_cast<size_t>(choice) < option_count) tallies[choice] = r.int64(1);
    votes += r.int64(1);
  }
  auto voters = c.query_one("SELECT COUNT(DISTINCT account_id) FROM poll_votes WHERE poll_id = ?", {poll_id});
  c.execute("UPDATE polls SET tallies = ?, votes_count = ?, voters_count = ? WHERE id = ?",
            {tallies_text(tallies), votes, voters ? voters->int64(0) : 0, poll_id});
}

void set_tallies(Connection& c, const model::Poll& p) {
  int64_t votes = 0;
  for (int64_t n : p.tallies) votes += n;
  c.execute("UPDATE polls SET tallies = ?, votes_count = ?, voters_count = ? WHERE id = ?",
            {tallies_text(p.tallies), votes, nullable(p.voters_count), p.id});
}

void redefine(Connection& c, const model::Poll& p, bool reset_votes, int64_t now) {
  c.execute(
      "UPDATE polls SET options = ?, multiple = ?, hide_totals = ?, expires_at = ?, expiry_notified = FALSE,"
      " updated_at = ? WHERE id = ?",
      {options_text(p.options), p.multiple, p.hide_totals, nullable(p.expires_at), now, p.id});
  if (reset_votes) {
    c.execute("DELETE FROM poll_votes WHERE poll_id = ?", {p.id});
    recount(c, p.id, p.options.size());
  }
}

void remove(Connection& c, int64_t id) {
  c.execute("DELETE FROM notifications WHERE type = 'poll' AND status_id IN (SELECT status_id FROM polls WHERE id = ?)",
            {id});
  c.execute("DELETE FROM polls WHERE id = ?", {id});
}

bool claim_expiry_notification(Connection& c, int64_t id) {
  return c.execute("UPDATE polls SET expiry_notified = TRUE WHERE id = ? AND expiry_notified = FALSE", {id}) == 1;
}

namespace {
std::vector<int64_t> voter_ids(Connection& c, int64_t poll_id, const char* where_domain) {
  std::vector<int64_t> out;
  for (const auto& r : c.query(std::string("SELECT DISTINCT v.account_id FROM poll_votes v JOIN accounts a ON"
                                           " a.id = v.account_id WHERE v.poll_id = ? AND a.domain ") +
                                   where_domain + " ORDER BY v.account_id",
                               {poll_id}))
    out.push_back(r.int64(0));
  return out;
}
}  // namespace

std::vector<int64_t> local_voter_ids(Connection& c, int64_t poll_id) { return voter_ids(c, poll_id, "IS NULL"); }
std::vector<int64_t> remote_voter_ids(Connection& c, int64_t poll_id) { return voter_ids(c, poll_id, "IS NOT NULL"); }

}  // namespace agora::store::polls
