// Reading relationships: how the viewer stands to accounts, which accounts a
// member may act on, and pages of accounts from relationship rows.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/account.h"
#include "model/pagination.h"
#include "model/relationship.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

// The most ids one request may ask about; the rest are ignored.
constexpr size_t kMaxRelationshipIds = 200;

// An account a member may act on (follow, block, …). 404 "Record not found"
// when there is none, or when it is local and its user has not confirmed
// their e-mail or is awaiting approval, as Mastodon hides those.
model::Account require_account(store::Connection& c, int64_t id);

// The viewer's relationship to one account, suspended or not.
model::Relationship relationship(store::Connection& c, int64_t viewer, int64_t target_id);
// GET /api/v1/accounts/relationships: one per existing account, in the order asked.
std::vector<model::Relationship> relationships(Context& ctx, int64_t viewer, const std::vector<int64_t>& ids,
                                               bool with_suspended);
// GET /api/v1/accounts/familiar_followers.
std::vector<model::FamiliarFollowers> familiar_followers(Context& ctx, int64_t viewer, const std::vector<int64_t>& ids);

// Accounts by id, in the order of `ids`, skipping missing ones.
std::vector<model::Account> accounts_in_order(store::Connection& c, const std::vector<int64_t>& ids);

// A page of accounts from relationship rows (anything with row_id and
// account_id), with Mastodon's cursors: next only when the page is full.
template <class Entry>
model::Paginated<model::Account> account_page(store::Connection& c, const std::vector<Entry>& entries, int limit) {
  model::Paginated<model::Account> page;
  std::vector<int64_t> ids;
  for (const auto& e : entries) ids.push_back(e.account_id);
  page.items = accounts_in_order(c, ids);
  if (!entries.empty()) {
    page.prev_since_id = entries.front().row_id;
    if (static_cast<int>(entries.size()) == limit) page.next_max_id = entries.back().row_id;
  }
  return page;
}

}  // namespace agora::services
