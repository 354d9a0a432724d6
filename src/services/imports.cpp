#include "services/imports.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/errors.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/import_rows.h"
#include "store/accounts.h"
#include "store/bulk_imports.h"

namespace agora::services {

namespace json = boost::json;

namespace {

constexpr int kBatchRows = 50;
constexpr int kRecentImports = 20;

jobs::Job import_job(int64_t import_id) { return {kImportJobKind, {{"import_id", import_id}}, "pull", 0, 8}; }

std::vector<json::object> parse_rows(const std::vector<std::string>& texts) {
  std::vector<json::object> out;
  for (const auto& t : texts) out.push_back(json::parse(t).as_object());
  return out;
}

}  // namespace

const std::vector<std::string>& import_types() {
  static const std::vector<std::string> types{"following", "blocking", "muting", "domain_blocking", "bookmarks", "lists"};
  return types;
}

model::BulkImport create_import(Context& ctx, const model::Account& member, const ImportRequest& request) {
  const auto& types = import_types();
  if (std::find(types.begin(), types.end(), request.type) == types.end())
    throw Error::unprocessable("Validation failed: Type is not included in the list");
  auto rows = import_rows::parse(ctx, request.type, request.csv);
  std::vector<std::string> texts;
  texts.reserve(rows.size());
  for (const auto& r : rows) texts.push_back(json::serialize(r));

  model::BulkImport import;
  import.account_id = member.id;
  import.type = request.type;
  import.overwrite = request.overwrite;
  import.original_filename = request.filename.substr(0, 255);
  import.total_items = static_cast<int64_t>(rows.size());
  import.created_at = now_ms();
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] {
    if (store::bulk_imports::has_unfinished(*lease, member.id))
      throw Error::unprocessable("Validation failed: Another import is still being processed");
    import.id = store::bulk_imports::insert(*lease, import, texts);
    jobs::enqueue(*lease, import_job(import.id));
  });
  return import;
}

std::vector<model::BulkImport> recent_imports(Context& ctx, const model::Account& member) {
  auto lease = ctx.db.acquire();
  return store::bulk_imports::recent(*lease, member.id, kRecentImports);
}

bool process_import_batch(Context& ctx, int64_t import_id) {
  std::optional<model::BulkImport> import;
  std::optional<model::Account> member;
  {
    auto lease = ctx.db.acquire();
    import = store::bulk_imports::find(*lease, import_id);
    if (import) member = store::accounts::find(*lease, import->account_id);
  }
  if (!import || !member || import->state == "finished") return false;
  if (import->state == "scheduled") {
    if (import->overwrite) {
      std::vector<std::string> all;
      {
        auto lease = ctx.db.acquire();
        all = store::bulk_imports::all_rows(*lease, import_id);
      }
      import_rows::remove_unlisted(ctx, *member, import->type, parse_rows(all));
    }
    auto lease = ctx.db.acquire();
    store::bulk_imports::set_state(*lease, import_id, "in_progress", std::nullopt);
  }
  std::vector<store::bulk_imports::PendingRow> rows;
  {
    auto lease = ctx.db.acquire();
    rows = store::bulk_imports::pending_rows(*lease, import_id, kBatchRows);
  }
  for (const auto& row : rows) {
    bool imported = false;
    try {
      imported = import_rows::apply(ctx, *member, import->type, json::parse(row.data_json).as_object());
    } catch (const Error&) {
      imported = false;  // refused (blocked, unknown, limit): counted, not retried
    }
    auto lease = ctx.db.acquire();
    store::in_transaction(*lease, [&] { store::bulk_imports::row_done(*lease, import_id, row.id, imported); });
  }
  auto lease = ctx.db.acquire();
  bool more = static_cast<int>(rows.size()) == kBatchRows &&
              !store::bulk_imports::pending_rows(*lease, import_id, 1).empty();
  store::in_transaction(*lease, [&] {
    if (more) jobs::enqueue(*lease, import_job(import_id));
    else store::bulk_imports::set_state(*lease, import_id, "finished", now_ms());
  });
  return more;
}

}  // namespace agora::services
