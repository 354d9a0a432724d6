// Rows of ip_blocks.
#pragma once
#include <optional>
#include <vector>

#include "model/ip_block.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::ip_blocks {

std::vector<model::IpBlock> list(Connection& c, const model::PageRequest& page);
std::optional<model::IpBlock> find(Connection& c, int64_t id);
bool ip_taken(Connection& c, const std::string& ip, int64_t except_id);
void insert(Connection& c, const model::IpBlock& b);
void update(Connection& c, const model::IpBlock& b);
void remove(Connection& c, int64_t id);
// Blocks with this severity that have not expired.
std::vector<model::IpBlock> active_with_severity(Connection& c, const std::string& severity, int64_t now_ms);

}  // namespace agora::store::ip_blocks
