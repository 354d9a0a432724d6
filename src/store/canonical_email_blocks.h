// Rows of canonical_email_blocks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::canonical_email_blocks {

struct Block {
  int64_t id = 0;
  std::string canonical_email_hash;
};

std::vector<Block> list(Connection& c, const model::PageRequest& page);
std::optional<Block> find(Connection& c, int64_t id);
std::vector<Block> matching(Connection& c, const std::string& hash);
void insert(Connection& c, const Block& b, int64_t now_ms);
void remove(Connection& c, int64_t id);

}  // namespace agora::store::canonical_email_blocks
