// Members' data archives and where their zip files are stored.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::account_archives {

struct Archive {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string state;  // queued, done, failed
  std::string storage_key;
  int64_t file_size = 0;
  int64_t created_at = 0;
  std::optional<int64_t> finished_at;
};

int64_t insert(Connection& c, int64_t account_id, int64_t now_ms);
std::optional<Archive> find(Connection& c, int64_t id);
std::vector<Archive> of_account(Connection& c, int64_t account_id);  // newest first
void finish(Connection& c, int64_t id, const std::string& state, const std::string& storage_key, int64_t file_size,
            int64_t now_ms);
void remove(Connection& c, int64_t id);

}  // namespace agora::store::account_archives
