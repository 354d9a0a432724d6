#include "services/blocks.h"

#include "core/domain.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/fanout.h"
#include "services/follows.h"
#include "services/outbound.h"
#include "services/relationships.h"
#include "store/accounts.h"
#include "store/blocks.h"
#include "store/follows.h"

namespace agora::services {

model::Relationship block(Context& ctx, const model::Account& viewer, int64_t target_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    if (target.id == viewer.id) return;
    end_follows_between(*conn, viewer, target);
    clear_from_feeds(*conn, viewer.id, target.id);
    if (store::blocks::insert(*conn, viewer.id, target.id, now_ms())) outbound::blocked(*conn, viewer, target);
  });
  return relationship(*conn, viewer.id, target_id);
}

model::Relationship unblock(Context& ctx, const model::Account& viewer, int64_t target_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    if (store::blocks::remove(*conn, viewer.id, target.id)) outbound::unblocked(*conn, viewer, target);
  });
  return relationship(*conn, viewer.id, target_id);
}

model::Paginated<model::Account> blocks(Context& ctx, const model::Account& viewer, const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  return account_page(*conn, store::blocks::page(*conn, viewer.id, page), page.limit);
}

namespace {

std::string checked_domain(const std::string& asked) {
  bool blank = asked.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) throw Error::unprocessable("Validation failed: Domain can't be blank");
  auto domain = normalize_domain(asked);
  if (!domain) throw Error::unprocessable("Validation failed: Domain is not a valid domain name");
  return *domain;
}

}  // namespace

void block_domain(Context& ctx, const model::Account& viewer, const std::string& asked) {
  std::string domain = checked_domain(asked);
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    store::domain_blocks_by_account::insert(*conn, viewer.id, domain, now_ms());
    // As Mastodon: nobody on a blocked domain keeps following the member.
    for (int64_t id : store::follows::follower_ids_on_domain(*conn, viewer.id, domain))
      if (auto follower = store::accounts::find(*conn, id)) end_follow(*conn, *follower, viewer, EndedBy::target);
  });
}

void unblock_domain(Context& ctx, const model::Account& viewer, const std::string& asked) {
  auto domain = normalize_domain(asked);
  if (!domain) return;  // nothing can be blocked under an invalid name
  auto conn = ctx.db.acquire();
  store::domain_blocks_by_account::remove(*conn, viewer.id, *domain);
}

model::Paginated<std::string> domain_blocks(Context& ctx, const model::Account& viewer,
                                            const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto entries = store::domain_blocks_by_account::page(*conn, viewer.id, page);
  model::Paginated<std::string> out;
  for (const auto& e : entries) out.items.push_back(e.domain);
  if (!entries.empty()) {
    out.prev_since_id = entries.front().row_id;
    if (static_cast<int>(entries.size()) == page.limit) out.next_max_id = entries.back().row_id;
  }
  return out;
}

}  // namespace agora::services
