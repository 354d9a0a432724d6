#include "store/account_archives.h"

#include "core/snowflake.h"

namespace agora::store::account_archives {

namespace {

constexpr const char* kSelect =
    "SELECT id, account_id, state, storage_key, file_size, created_at, finished_at FROM account_archives";

Archive read(const Row& r) {
  return {r.int64(0), r.int64(1), r.text(2), r.text(3), r.int64(4), r.int64(5), r.opt_int64(6)};
}

}  // namespace

int64_t insert(Connection& c, int64_t account_id, int64_t now_ms) {
  int64_t id = next_id();
  c.execute("INSERT INTO account_archives (id, account_id, state, created_at) VALUES (?, ?, 'queued', ?)",
            {id, account_id, now_ms});
  return id;
}

std::optional<Archive> find(Connection& c, int64_t id) {
  auto r = c.query_one(std::string(kSelect) + " WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return read(*r);
}

std::vector<Archive> of_account(Connection& c, int64_t account_id) {
  std::vector<Archive> out;
  for (const auto& r : c.query(std::string(kSelect) + " WHERE account_id = ? ORDER BY id DESC", {account_id}))
    out.push_back(read(r));
  return out;
}

void finish(Connection& c, int64_t id, const std::string& state, const std::string& storage_key, int64_t file_size,
            int64_t now_ms) {
  c.execute("UPDATE account_archives SET state = ?, storage_key = ?, file_size = ?, finished_at = ? WHERE id = ?",
            {state, storage_key, file_size, now_ms, id});
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM account_archives WHERE id = ?", {id}); }

}  // namespace agora::store::account_archives
