// IP blocks in the admin API (/api/v1/admin/ip_blocks; manage_blocks).
#pragma once
#include <optional>
#include <string>

#include "model/ip_block.h"
#include "model/pagination.h"
#include "services/context.h"
#include "services/roles.h"

namespace agora::services {

struct IpBlockFields {
  std::optional<std::string> ip, severity, comment;
  std::optional<int64_t> expires_in;  // seconds from now
};

model::Paginated<model::IpBlock> list_ip_blocks(Context& ctx, const Staff& staff, const model::PageRequest& page);
model::IpBlock show_ip_block(Context& ctx, const Staff& staff, int64_t id);
// 422 for a missing or malformed address or range, a missing or unknown severity, or a range blocked already.
model::IpBlock create_ip_block(Context& ctx, const Staff& staff, const IpBlockFields& in);
model::IpBlock update_ip_block(Context& ctx, const Staff& staff, int64_t id, const IpBlockFields& in);
void delete_ip_block(Context& ctx, const Staff& staff, int64_t id);

// What the IP blocks say about signing up from `ip`: "sign_up_block",
// "sign_up_requires_approval", or "" (the strictest unexpired block wins).
std::string sign_up_policy_for(store::Connection& c, const std::string& ip, int64_t now_ms);

// Whether a no_access block covers `ip` (Mastodon's Rack::Attack blocklist):
// every request from it is refused. The active ranges are read again at most
// once a second.
bool no_access(Context& ctx, const std::string& ip);

}  // namespace agora::services
