#include "services/admin_ip_blocks.h"

#include <mutex>

#include "core/errors.h"
#include "core/ip_range.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "store/admin_action_logs.h"
#include "store/ip_blocks.h"

namespace agora::services {

namespace {

using model::Permission;

constexpr size_t kMaxComment = 1000;

model::IpBlock find_block(store::Connection& c, int64_t id) {
  auto b = store::ip_blocks::find(c, id);
  if (!b) throw Error::not_found();
  return *b;
}

// Applies the fields and checks the result as Mastodon's IpBlock validations do.
void apply(model::IpBlock& b, const IpBlockFields& in, int64_t now) {
  if (in.ip) {
    if (in.ip->empty()) throw Error::unprocessable("Validation failed: Ip can't be blank");
    auto range = parse_ip_range(*in.ip);
    if (!range) throw Error::unprocessable("Validation failed: Ip is invalid");
    b.ip = range->text();
  }
  if (in.severity) b.severity = *in.severity;
  if (in.comment) b.comment = *in.comment;
  if (in.expires_in) b.expires_at = *in.expires_in > 0 ? std::optional(now + *in.expires_in * 1000) : std::nullopt;
  if (b.ip.empty()) throw Error::unprocessable("Validation failed: Ip can't be blank");
  if (b.severity.empty()) throw Error::unprocessable("Validation failed: Severity can't be blank");
  if (b.severity != "sign_up_requires_approval" && b.severity != "sign_up_block" && b.severity != "no_access")
    throw Error::unprocessable("Validation failed: Severity is not included in the list");
  if (b.comment.size() > kMaxComment)
    throw Error::unprocessable("Validation failed: Comment is too long (maximum is 1000 characters)");
}

}  // namespace

model::Paginated<model::IpBlock> list_ip_blocks(Context& ctx, const Staff& staff, const model::PageRequest& page) {
  authorize(can(staff, Permission::manage_blocks));
  auto conn = ctx.db.acquire();
  model::Paginated<model::IpBlock> out;
  out.items = store::ip_blocks::list(*conn, page);
  if (!out.items.empty()) {
    if (static_cast<int>(out.items.size()) == page.limit) out.next_max_id = out.items.back().id;
    out.prev_since_id = out.items.front().id;
  }
  return out;
}

model::IpBlock show_ip_block(Context& ctx, const Staff& staff, int64_t id) {
  auto conn = ctx.db.acquire();
  auto b = find_block(*conn, id);
  authorize(can(staff, Permission::manage_blocks));
  return b;
}

model::IpBlock create_ip_block(Context& ctx, const Staff& staff, const IpBlockFields& in) {
  authorize(can(staff, Permission::manage_blocks));
  int64_t now = now_ms();
  model::IpBlock b;
  b.id = next_id();
  b.created_at = now;
  IpBlockFields fields = in;
  if (!fields.ip) fields.ip = "";
  apply(b, fields, now);
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    if (store::ip_blocks::ip_taken(*conn, b.ip, b.id))
      throw Error::unprocessable("Validation failed: Ip has already been taken");
    store::ip_blocks::insert(*conn, b);
    store::admin_action_logs::record(*conn, staff.account.id, "create", "IpBlock", b.id, b.ip, now);
  });
  return b;
}

model::IpBlock update_ip_block(Context& ctx, const Staff& staff, int64_t id, const IpBlockFields& in) {
  auto conn = ctx.db.acquire();
  auto b = find_block(*conn, id);
  authorize(can(staff, Permission::manage_blocks));
  int64_t now = now_ms();
  apply(b, in, now);
  store::in_transaction(*conn, [&] {
    if (store::ip_blocks::ip_taken(*conn, b.ip, b.id))
      throw Error::unprocessable("Validation failed: Ip has already been taken");
    store::ip_blocks::update(*conn, b);
    store::admin_action_logs::record(*conn, staff.account.id, "update", "IpBlock", b.id, b.ip, now);
  });
  return b;
}

void delete_ip_block(Context& ctx, const Staff& staff, int64_t id) {
  auto conn = ctx.db.acquire();
  auto b = find_block(*conn, id);
  authorize(can(staff, Permission::manage_blocks));
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::ip_blocks::remove(*conn, id);
    store::admin_action_logs::record(*conn, staff.account.id, "destroy", "IpBlock", id, b.ip, now);
  });
}

std::string sign_up_policy_for(store::Connection& c, const std::string& ip, int64_t now_ms) {
  if (ip.empty()) return "";
  for (const char* severity : {"sign_up_block", "sign_up_requires_approval"})
    for (const auto& b : store::ip_blocks::active_with_severity(c, severity, now_ms))
      if (ip_in_range(ip, b.ip)) return severity;
  return "";
}

bool no_access(Context& ctx, const std::string& ip) {
  if (ip.empty()) return false;
  static std::mutex mutex;
  static std::vector<std::string> ranges;
  static int64_t read_at = 0;
  static const Context* read_for = nullptr;
  std::vector<std::string> current;
  {
    std::lock_guard lock(mutex);
    int64_t now = now_ms();
    if (read_for != &ctx || now - read_at >= 1000) {
      auto conn = ctx.db.acquire();
      ranges.clear();
      for (const auto& b : store::ip_blocks::active_with_severity(*conn, "no_access", now)) ranges.push_back(b.ip);
      read_at = now;
      read_for = &ctx;
    }
    current = ranges;
  }
  for (const auto& range : current)
    if (ip_in_range(ip, range)) return true;
  return false;
}

}  // namespace agora::services
