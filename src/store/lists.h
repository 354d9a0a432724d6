// Queries on lists and their members.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/list.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::lists {

void insert(Connection& c, const model::List& list);
// Saves title, replies_policy, exclusive and updated_at.
void update(Connection& c, const model::List& list);
bool remove(Connection& c, int64_t owner_id, int64_t list_id);
// The owner's list, or nullopt (also when someone else owns it).
std::optional<model::List> find(Connection& c, int64_t owner_id, int64_t list_id);
std::vector<model::List> owned_by(Connection& c, int64_t owner_id);
int64_t count_owned_by(Connection& c, int64_t owner_id);

// Adds one member; false when it already is one.
bool add_member(Connection& c, int64_t list_id, int64_t account_id);
void remove_members(Connection& c, int64_t list_id, const std::vector<int64_t>& account_ids);
// Members by account id newest first, leaving out suspended accounts; limit 0 means all.
std::vector<int64_t> member_page(Connection& c, int64_t list_id, const model::PageRequest& page);
// Takes `member_id` out of every list of `owner_id` (when the owner stops following it).
void remove_from_owner_lists(Connection& c, int64_t owner_id, int64_t member_id);

// The owner's lists that `member_id` is in, oldest first.
std::vector<model::List> containing(Connection& c, int64_t owner_id, int64_t member_id);
// Their ids (for the feeds: which list feeds a post by `member_id` goes to).
std::vector<int64_t> lists_containing(Connection& c, int64_t owner_id, int64_t member_id);
// Accounts in any of the owner's exclusive lists: their posts stay out of the owner's home feed.
std::vector<int64_t> exclusive_list_members(Connection& c, int64_t owner_id);

}  // namespace agora::store::lists
