// Members' CSV imports and their rows waiting to be processed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/bulk_import.h"
#include "store/database.h"

namespace agora::store::bulk_imports {

struct PendingRow {
  int64_t id = 0;
  std::string data_json;
};

// Inserts the import and its rows (JSON objects); returns the import's id.
int64_t insert(Connection& c, const model::BulkImport& import, const std::vector<std::string>& rows_json);
std::optional<model::BulkImport> find(Connection& c, int64_t id);
std::vector<model::BulkImport> recent(Connection& c, int64_t account_id, int limit);
// Imports of this member not finished yet (one at a time, as Mastodon).
bool has_unfinished(Connection& c, int64_t account_id);

std::vector<PendingRow> pending_rows(Connection& c, int64_t import_id, int limit);
// Every row's data, for the set an overwrite keeps.
std::vector<std::string> all_rows(Connection& c, int64_t import_id);
// Counts a row as processed (and imported) and deletes it.
void row_done(Connection& c, int64_t import_id, int64_t row_id, bool imported);
void set_state(Connection& c, int64_t import_id, const std::string& state, std::optional<int64_t> finished_at);

}  // namespace agora::store::bulk_imports
