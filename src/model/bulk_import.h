// A member's CSV import, as Mastodon's BulkImport.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace agora::model {

struct BulkImport {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string type;  // following, blocking, muting, domain_blocking, bookmarks, lists
  bool overwrite = false;
  std::string state = "scheduled";  // scheduled, in_progress, finished
  std::string original_filename;
  int64_t total_items = 0;
  int64_t imported_items = 0;
  int64_t processed_items = 0;
  int64_t created_at = 0;
  std::optional<int64_t> finished_at;
};

}  // namespace agora::model
