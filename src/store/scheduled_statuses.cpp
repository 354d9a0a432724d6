#include "store/scheduled_statuses.h"

#include "store/statement.h"

namespace agora::store::scheduled_statuses {

namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr const char* kColumns = "id, account_id, scheduled_at, params, created_at";

model::ScheduledStatus scheduled_from(const Row& r) {
  return {r.int64(0), r.int64(1), r.int64(2), r.text(3), r.int64(4)};
}

}  // namespace

void insert(Connection& c, const model::ScheduledStatus& s) {
  c.execute(std::string("INSERT INTO scheduled_statuses (") + kColumns + ") VALUES (?, ?, ?, ?, ?)",
            {s.id, s.account_id, s.scheduled_at, s.params_json, s.created_at});
}

std::optional<model::ScheduledStatus> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM scheduled_statuses WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return scheduled_from(*row);
}

std::vector<model::ScheduledStatus> page(Connection& c, int64_t account_id, const model::PageRequest& p) {
  Statement s(std::string("SELECT ") + kColumns + " FROM scheduled_statuses WHERE account_id = ?", {account_id});
  s.add_page("id", p);
  std::vector<model::ScheduledStatus> out;
  for (const auto& r : s.query(c)) out.push_back(scheduled_from(r));
  return out;
}

void reschedule(Connection& c, int64_t id, int64_t scheduled_at) {
  c.execute("UPDATE scheduled_statuses SET scheduled_at = ? WHERE id = ?", {scheduled_at, id});
}

bool remove(Connection& c, int64_t id) {
  return c.execute("DELETE FROM scheduled_statuses WHERE id = ?", {id}) == 1;
}

int64_t count(Connection& c, int64_t account_id) {
  return c.query_one("SELECT COUNT(*) FROM scheduled_statuses WHERE account_id = ?", {account_id})->int64(0);
}

int64_t count_on_day(Connection& c, int64_t account_id, int64_t day_ms, int64_t except_id) {
  int64_t start = day_ms - day_ms % kDayMs;
  return c
      .query_one(
          "SELECT COUNT(*) FROM scheduled_statuses WHERE account_id = ? AND scheduled_at >= ? AND scheduled_at < ?"
          " AND id <> ?",
          {account_id, start, start + kDayMs, except_id})
      ->int64(0);
}

}  // namespace agora::store::scheduled_statuses
