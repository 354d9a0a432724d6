#include "services/endorsements.h"

#include "core/errors.h"
#include "core/time.h"
#include "core/utf8.h"
#include "services/relationships.h"
#include "store/accounts.h"
#include "store/endorsements.h"
#include "store/follows.h"

namespace agora::services {

model::Relationship endorse(Context& ctx, const model::Account& viewer, int64_t target_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    if (!store::follows::find(*conn, store::follows::Table::follows, viewer.id, target.id))
      throw Error::unprocessable("Validation failed: You must be already following the person you want to endorse");
    store::endorsements::insert(*conn, viewer.id, target.id, now_ms());
  });
  return relationship(*conn, viewer.id, target_id);
}

model::Relationship unendorse(Context& ctx, const model::Account& viewer, int64_t target_id) {
  auto conn = ctx.db.acquire();
  auto target = require_account(*conn, target_id);
  store::endorsements::remove(*conn, viewer.id, target.id);
  return relationship(*conn, viewer.id, target_id);
}

namespace {

// Endorsements page by the endorsed account's id.
model::Paginated<model::Account> endorsed_page(store::Connection& c, int64_t account_id,
                                               const model::PageRequest& page) {
  struct Entry {
    int64_t row_id, account_id;
  };
  std::vector<Entry> entries;
  for (int64_t id : store::endorsements::page(c, account_id, page)) entries.push_back({id, id});
  auto out = account_page(c, entries, page.limit);
  if (page.limit == 0) out = {out.items, std::nullopt, std::nullopt};  // everything: nothing to page
  return out;
}

}  // namespace

model::Paginated<model::Account> endorsements(Context& ctx, const model::Account& viewer,
                                              const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  return endorsed_page(*conn, viewer.id, page);
}

model::Paginated<model::Account> endorsements_of(Context& ctx, int64_t account_id, const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto account = store::accounts::find(*conn, account_id);
  if (!account) throw Error::not_found();
  if (account->suspended_at) return {};
  return endorsed_page(*conn, account_id, page);
}

model::Relationship set_account_note(Context& ctx, const model::Account& viewer, int64_t target_id,
                                     const std::string& comment) {
  if (utf8_length(comment) > kMaxAccountNoteLength)
    throw Error::unprocessable("Validation failed: Comment is too long (maximum is 2000 characters)");
  bool blank = comment.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    if (blank) store::account_notes::remove(*conn, viewer.id, target.id);
    else store::account_notes::upsert(*conn, viewer.id, target.id, comment, now_ms());
  });
  return relationship(*conn, viewer.id, target_id);
}

}  // namespace agora::services
