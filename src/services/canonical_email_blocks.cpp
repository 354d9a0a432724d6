#include "services/canonical_email_blocks.h"

#include <cctype>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "store/admin_action_logs.h"

namespace agora::services {

namespace {

using model::Permission;

CanonicalEmailBlock find_block(store::Connection& c, int64_t id) {
  auto b = store::canonical_email_blocks::find(c, id);
  if (!b) throw Error::not_found();
  return *b;
}

}  // namespace

std::string canonical_email(std::string_view email) {
  std::string lower;
  for (char ch : email) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto at = lower.find('@');
  std::string local = lower.substr(0, at);
  std::string domain = at == std::string::npos ? "" : lower.substr(at + 1);
  std::string user;
  for (char ch : local) {
    if (ch == '+') break;
    if (ch != '.') user += ch;
  }
  return user + "@" + domain;
}

std::string canonical_email_hash(std::string_view email) { return crypto::sha256_hex(canonical_email(email)); }

model::Paginated<CanonicalEmailBlock> list_canonical_email_blocks(Context& ctx, const Staff& staff,
                                                                  const model::PageRequest& page) {
  authorize(can(staff, Permission::manage_blocks));
  auto conn = ctx.db.acquire();
  model::Paginated<CanonicalEmailBlock> out;
  out.items = store::canonical_email_blocks::list(*conn, page);
  if (!out.items.empty()) {
    if (static_cast<int>(out.items.size()) == page.limit) out.next_max_id = out.items.back().id;
    out.prev_since_id = out.items.front().id;
  }
  return out;
}

CanonicalEmailBlock show_canonical_email_block(Context& ctx, const Staff& staff, int64_t id) {
  auto conn = ctx.db.acquire();
  auto b = find_block(*conn, id);
  authorize(can(staff, Permission::manage_blocks));
  return b;
}

std::vector<CanonicalEmailBlock> test_canonical_email(Context& ctx, const Staff& staff, const std::string& email) {
  authorize(can(staff, Permission::manage_blocks));
  auto conn = ctx.db.acquire();
  return store::canonical_email_blocks::matching(*conn, canonical_email_hash(email));
}

CanonicalEmailBlock create_canonical_email_block(Context& ctx, const Staff& staff, const std::string& email,
                                                 const std::string& hash) {
  authorize(can(staff, Permission::manage_blocks));
  CanonicalEmailBlock b{next_id(), email.empty() ? hash : canonical_email_hash(email)};
  if (b.canonical_email_hash.empty())
    throw Error::unprocessable("Validation failed: Canonical email hash can't be blank");
  if (b.canonical_email_hash.size() > 128)
    throw Error::unprocessable("Validation failed: Canonical email hash is invalid");
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    if (!store::canonical_email_blocks::matching(*conn, b.canonical_email_hash).empty())
      throw Error::unprocessable("Validation failed: Canonical email hash has already been taken");
    store::canonical_email_blocks::insert(*conn, b, now);
    store::admin_action_logs::record(*conn, staff.account.id, "create", "CanonicalEmailBlock", b.id,
                                     b.canonical_email_hash, now);
  });
  return b;
}

void delete_canonical_email_block(Context& ctx, const Staff& staff, int64_t id) {
  auto conn = ctx.db.acquire();
  auto b = find_block(*conn, id);
  authorize(can(staff, Permission::manage_blocks));
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::canonical_email_blocks::remove(*conn, id);
    store::admin_action_logs::record(*conn, staff.account.id, "destroy", "CanonicalEmailBlock", id,
                                     b.canonical_email_hash, now);
  });
}

}  // namespace agora::services
