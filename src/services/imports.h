// Members' CSV imports, as Mastodon's (Settings → Import and export): the
// file is checked and stored at once (422 with the reason otherwise), then a
// job applies it a batch of rows at a time, resolving remote accounts and
// statuses. "overwrite" first undoes what the file does not list.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "model/bulk_import.h"
#include "services/context.h"

namespace agora::services {

inline constexpr const char* kImportJobKind = "process_import";

// following, blocking, muting, domain_blocking, bookmarks, lists.
const std::vector<std::string>& import_types();

struct ImportRequest {
  std::string type;
  bool overwrite = false;
  std::string filename;
  std::string_view csv;
};

// 422 for an unknown type, a file that is not CSV, empty or past the limits
// (20,000 rows; for follows also the follow limit), a row that does not name
// what the type needs, or while another import of the member is unfinished.
model::BulkImport create_import(Context& ctx, const model::Account& member, const ImportRequest& request);
std::vector<model::BulkImport> recent_imports(Context& ctx, const model::Account& member);

// The job: the overwrite step, then one batch of rows. True when rows remain.
bool process_import_batch(Context& ctx, int64_t import_id);

}  // namespace agora::services
