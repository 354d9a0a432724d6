// Queries on blocks between accounts and on the domains a member blocks.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::blocks {

bool exists(Connection& c, int64_t account_id, int64_t target_account_id);
// False when it already existed.
bool insert(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now_ms);
bool remove(Connection& c, int64_t account_id, int64_t target_account_id);

struct Entry {
  int64_t row_id = 0;
  int64_t account_id = 0;  // the blocked account
};
// Whom `account_id` blocks, newest first, leaving out suspended accounts.
std::vector<Entry> page(Connection& c, int64_t account_id, const model::PageRequest& page);

}  // namespace agora::store::blocks

namespace agora::store::domain_blocks_by_account {

bool exists(Connection& c, int64_t account_id, const std::string& domain);
bool insert(Connection& c, int64_t account_id, const std::string& domain, int64_t now_ms);
bool remove(Connection& c, int64_t account_id, const std::string& domain);

struct Entry {
  int64_t row_id = 0;
  std::string domain;
};
std::vector<Entry> page(Connection& c, int64_t account_id, const model::PageRequest& page);

}  // namespace agora::store::domain_blocks_by_account
