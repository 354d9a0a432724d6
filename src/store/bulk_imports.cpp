#include "store/bulk_imports.h"

#include "core/snowflake.h"

namespace agora::store::bulk_imports {

namespace {

constexpr const char* kColumns =
    "id, account_id, type, overwrite, state, original_filename, total_items, imported_items, processed_items,"
    " created_at, finished_at";

model::BulkImport read(const Row& r) {
  return {r.int64(0), r.int64(1), r.text(2), r.boolean(3), r.text(4), r.text(5),
          r.int64(6), r.int64(7), r.int64(8), r.int64(9), r.opt_int64(10)};
}

}  // namespace

int64_t insert(Connection& c, const model::BulkImport& i, const std::vector<std::string>& rows_json) {
  int64_t id = next_id();
  c.execute("INSERT INTO bulk_imports (id, account_id, type, overwrite, state, original_filename, total_items,"
            " created_at) VALUES (?, ?, ?, ?, 'scheduled', ?, ?, ?)",
            {id, i.account_id, i.type, i.overwrite, i.original_filename, static_cast<int64_t>(rows_json.size()),
             i.created_at});
  for (const auto& row : rows_json)
    c.execute("INSERT INTO bulk_import_rows (id, bulk_import_id, data) VALUES (?, ?, ?)", {next_id(), id, row});
  return id;
}

std::optional<model::BulkImport> find(Connection& c, int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kColumns + " FROM bulk_imports WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return read(*r);
}

std::vector<model::BulkImport> recent(Connection& c, int64_t account_id, int limit) {
  std::vector<model::BulkImport> out;
  for (const auto& r : c.query(std::string("SELECT ") + kColumns +
                                   " FROM bulk_imports WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                               {account_id, static_cast<int64_t>(limit)}))
    out.push_back(read(r));
  return out;
}

bool has_unfinished(Connection& c, int64_t account_id) {
  return c.query_one("SELECT 1 FROM bulk_imports WHERE account_id = ? AND state <> 'finished'", {account_id})
      .has_value();
}

std::vector<PendingRow> pending_rows(Connection& c, int64_t import_id, int limit) {
  std::vector<PendingRow> out;
  for (const auto& r : c.query("SELECT id, data FROM bulk_import_rows WHERE bulk_import_id = ? ORDER BY id LIMIT ?",
                               {import_id, static_cast<int64_t>(limit)}))
    out.push_back({r.int64(0), r.text(1)});
  return out;
}

std::vector<std::string> all_rows(Connection& c, int64_t import_id) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT data FROM bulk_import_rows WHERE bulk_import_id = ?", {import_id}))
    out.push_back(r.text(0));
  return out;
}

void row_done(Connection& c, int64_t import_id, int64_t row_id, bool imported) {
  if (c.execute("DELETE FROM bulk_import_rows WHERE id = ?", {row_id}) == 0) return;  // counted already
  c.execute("UPDATE bulk_imports SET processed_items = processed_items + 1,"
            " imported_items = imported_items + ? WHERE id = ?",
            {static_cast<int64_t>(imported ? 1 : 0), import_id});
}

void set_state(Connection& c, int64_t import_id, const std::string& state, std::optional<int64_t> finished_at) {
  c.execute("UPDATE bulk_imports SET state = ?, finished_at = ? WHERE id = ?",
            {state, finished_at ? SqlValue(*finished_at) : SqlValue(SqlNull{}), import_id});
}

}  // namespace agora::store::bulk_imports
