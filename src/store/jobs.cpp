#include "store/jobs.h"

#include <stdexcept>

#include "core/snowflake.h"

namespace agora::store::jobs {

namespace {
std::string in_list(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

// A job kind is a name from the code ("deliver"); anything else is a bug.
const std::string& checked_kind(const std::string& kind) {
  for (char ch : kind)
    if (!(ch >= 'a' && ch <= 'z') && ch != '_') throw std::invalid_argument("not a job kind: " + kind);
  return kind;
}
}  // namespace

int64_t insert(Connection& c, const NewJob& j, int64_t now) {
  int64_t id = next_id();
  c.execute(
      "INSERT INTO jobs (id, queue, kind, payload, run_at, max_attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {id, j.queue, j.kind, j.payload, j.run_at ? j.run_at : now, static_cast<int64_t>(j.max_attempts), now});
  return id;
}

std::optional<ClaimedJob> claim(Connection& c, const std::vector<std::string>& queues, const std::string& worker,
                                int64_t now, int64_t lease_ms, const KindFilter& kinds) {
  // PostgreSQL: SKIP LOCKED lets many workers claim without waiting on each
  // other. SQLite has one writer at a time, so the plain subquery is enough.
  std::string pick = "SELECT id FROM jobs WHERE queue IN (" + in_list(queues.size()) +
                     ") AND dead_at IS NULL AND run_at <= ? AND (locked_until IS NULL OR locked_until < ?)";
  // Kinds as literals (names from the code, checked) so that the partial
  // indexes of migration 0039 apply.
  if (!kinds.only_kind.empty()) pick += " AND kind = '" + checked_kind(kinds.only_kind) + "'";
  if (!kinds.except_kind.empty()) pick += " AND kind <> '" + checked_kind(kinds.except_kind) + "'";
  pick += " ORDER BY run_at, id LIMIT 1";
  if (c.dialect() == Dialect::postgres) pick += " FOR UPDATE SKIP LOCKED";
  std::string sql = "UPDATE jobs SET locked_by = ?, locked_until = ? WHERE id = (" + pick +
                    ") RETURNING id, queue, kind, payload, attempts, max_attempts";
  std::vector<SqlValue> args{worker, now + lease_ms};
  for (const auto& q : queues) args.emplace_back(q);
  args.emplace_back(now);
  args.emplace_back(now);
  auto rows = c.query(sql, std::span<const SqlValue>(args));
  if (rows.empty()) return std::nullopt;
  const Row& r = rows.front();
  return ClaimedJob{r.int64(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.int64(4)),
                    static_cast<int>(r.int64(5))};
}

void renew_leases(Connection& c, const std::string& owner, int64_t locked_until) {
  // Owner names are made of letters, digits and dashes: no LIKE wildcard to
  // escape. "locked_by IS NOT NULL" names the partial index of the claimed
  // jobs (migration 0040), so a backlog of queued jobs is never read.
  c.execute("UPDATE jobs SET locked_until = ? WHERE locked_by IS NOT NULL AND locked_by LIKE ? AND dead_at IS NULL",
            {locked_until, owner + "%"});
}

bool waiting(Connection& c, const std::string& kind, const std::string& payload) {
  return c
      .query_one("SELECT 1 FROM jobs WHERE kind = ? AND payload = ? AND dead_at IS NULL AND locked_by IS NULL",
                 {kind, payload})
      .has_value();
}

void finish(Connection& c, int64_t id) { c.execute("DELETE FROM jobs WHERE id = ?", {id}); }

void retry_later(Connection& c, int64_t id, int64_t run_at, const std::string& error) {
  c.execute(
      "UPDATE jobs SET attempts = attempts + 1, run_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL"
      " WHERE id = ?",
      {run_at, error, id});
}

void postpone(Connection& c, int64_t id, int64_t run_at) {
  c.execute("UPDATE jobs SET run_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ?", {run_at, id});
}

void give_up(Connection& c, int64_t id, int64_t now, const std::string& error) {
  c.execute(
      "UPDATE jobs SET attempts = attempts + 1, dead_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL"
      " WHERE id = ?",
      {now, error, id});
}

std::optional<int64_t> next_run_at(Connection& c, const std::vector<std::string>& queues) {
  std::vector<SqlValue> args;
  for (const auto& q : queues) args.emplace_back(q);
  auto rows = c.query("SELECT MIN(COALESCE(locked_until, run_at)) FROM jobs WHERE dead_at IS NULL AND queue IN (" +
                          in_list(queues.size()) + ")",
                      std::span<const SqlValue>(args));
  if (rows.empty() || rows.front().is_null(0)) return std::nullopt;
  return rows.front().int64(0);
}

}  // namespace agora::store::jobs
