#include "services/lists.h"

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/relationships.h"
#include "services/validation.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/lists.h"

namespace agora::services {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

// Applies `changes` to `l`, with Mastodon's messages for what it refuses.
void apply(model::List& l, const ListChanges& changes) {
  if (changes.replies_policy) {
    const auto& p = *changes.replies_policy;
    if (p != "followed" && p != "list" && p != "none")
      throw Error::unprocessable("'" + p + "' is not a valid replies_policy");  // Rails' enum ArgumentError
    l.replies_policy = p;
  }
  if (changes.title) l.title = *changes.title;
  if (changes.exclusive) l.exclusive = *changes.exclusive;
  Validation v;
  if (blank(l.title)) v.add("title", "Title", "ERR_BLANK", "can't be blank");
  v.throw_if_failed(false);
}

model::List owned(store::Connection& c, const model::Account& owner, int64_t list_id) {
  auto l = store::lists::find(c, owner.id, list_id);
  if (!l) throw Error::not_found();
  return *l;
}

}  // namespace

std::vector<model::List> lists(Context& ctx, const model::Account& owner) {
  auto conn = ctx.db.acquire();
  return store::lists::owned_by(*conn, owner.id);
}

model::List list(Context& ctx, const model::Account& owner, int64_t list_id) {
  auto conn = ctx.db.acquire();
  return owned(*conn, owner, list_id);
}

model::List create_list(Context& ctx, const model::Account& owner, const ListChanges& changes) {
  model::List l;
  apply(l, changes);
  l.id = next_id();
  l.account_id = owner.id;
  l.created_at = l.updated_at = now_ms();
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    if (store::lists::count_owned_by(*conn, owner.id) >= kMaxListsPerAccount)
      throw Error::unprocessable("Validation failed: You have reached the maximum number of lists");
    store::lists::insert(*conn, l);
  });
  return l;
}

model::List update_list(Context& ctx, const model::Account& owner, int64_t list_id, const ListChanges& changes) {
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    auto l = owned(*conn, owner, list_id);
    apply(l, changes);
    l.updated_at = now_ms();
    store::lists::update(*conn, l);
    return l;
  });
}

void delete_list(Context& ctx, const model::Account& owner, int64_t list_id) {
  auto conn = ctx.db.acquire();
  if (!store::lists::remove(*conn, owner.id, list_id)) throw Error::not_found();
}

void add_list_members(Context& ctx, const model::Account& owner, int64_t list_id, const std::vector<int64_t>& ids) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto l = owned(*conn, owner, list_id);
    for (int64_t id : ids) {
      if (!store::accounts::find(*conn, id)) throw Error::not_found();
      // Only accounts the owner follows (Mastodon finds the Follow or answers 404).
      if (id != owner.id && !store::follows::find(*conn, store::follows::Table::follows, owner.id, id))
        throw Error::not_found();
      if (!store::lists::add_member(*conn, l.id, id))
        throw Error::unprocessable("Validation failed: Account has already been taken");
    }
  });
}

void remove_list_members(Context& ctx, const model::Account& owner, int64_t list_id, const std::vector<int64_t>& ids) {
  auto conn = ctx.db.acquire();
  auto l = owned(*conn, owner, list_id);
  store::lists::remove_members(*conn, l.id, ids);
}

model::Paginated<model::Account> list_members(Context& ctx, const model::Account& owner, int64_t list_id,
                                              const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto l = owned(*conn, owner, list_id);
  struct Entry {
    int64_t row_id, account_id;
  };
  std::vector<Entry> entries;
  for (int64_t id : store::lists::member_page(*conn, l.id, page)) entries.push_back({id, id});
  auto out = account_page(*conn, entries, page.limit);
  if (page.limit == 0) out = {out.items, std::nullopt, std::nullopt};  // everything: nothing to page
  return out;
}

std::vector<model::List> lists_with_account(Context& ctx, const model::Account& owner, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto account = store::accounts::find(*conn, account_id);
  if (!account) throw Error::not_found();
  if (account->suspended_at) return {};
  return store::lists::containing(*conn, owner.id, account_id);
}

}  // namespace agora::services
