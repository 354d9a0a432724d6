// Lists: members group accounts they follow into timelines of their own.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/list.h"
#include "model/pagination.h"
#include "services/context.h"

namespace agora::services {

// Mastodon's List::PER_ACCOUNT_LIMIT.
constexpr int64_t kMaxListsPerAccount = 50;

// What a client sends to create or change a list; unset fields stay as they are.
struct ListChanges {
  std::optional<std::string> title;
  std::optional<std::string> replies_policy;
  std::optional<bool> exclusive;
};

std::vector<model::List> lists(Context& ctx, const model::Account& owner);
// 404 "Record not found" unless `owner` owns it.
model::List list(Context& ctx, const model::Account& owner, int64_t list_id);
// 422 for a blank title, an unknown replies_policy or past the limit of lists.
model::List create_list(Context& ctx, const model::Account& owner, const ListChanges& changes);
model::List update_list(Context& ctx, const model::Account& owner, int64_t list_id, const ListChanges& changes);
void delete_list(Context& ctx, const model::Account& owner, int64_t list_id);

// Adds all or none: 404 when an account does not exist or the owner does not
// follow it (the owner may add themself), 422 when one is already a member.
void add_list_members(Context& ctx, const model::Account& owner, int64_t list_id, const std::vector<int64_t>& ids);
void remove_list_members(Context& ctx, const model::Account& owner, int64_t list_id, const std::vector<int64_t>& ids);
// Members by account id newest first; limit 0 lists all, unpaged.
model::Paginated<model::Account> list_members(Context& ctx, const model::Account& owner, int64_t list_id,
                                              const model::PageRequest& page);
// GET /api/v1/accounts/:id/lists: the owner's lists that account is in.
std::vector<model::List> lists_with_account(Context& ctx, const model::Account& owner, int64_t account_id);

}  // namespace agora::services
