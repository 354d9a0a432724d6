// Queries on follows and follow requests. Every change keeps the accounts'
// followers_count and following_count in step; call inside a transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/pagination.h"
#include "model/relationship.h"
#include "store/database.h"

namespace agora::store::follows {

// Which of the two tables: an accepted follow or a pending request.
enum class Table { follows, requests };

std::optional<model::Follow> find(Connection& c, Table t, int64_t account_id, int64_t target_account_id);
// By the ActivityPub Follow's id.
std::optional<model::Follow> find_by_uri(Connection& c, Table t, const std::string& uri);
// Inserts `f` (id and created_at set by the caller). Returns false, changing
// nothing, when that account already follows (or asked to follow) the target.
// An accepted follow raises both counters.
bool insert(Connection& c, Table t, const model::Follow& f);
// Saves show_reblogs, notify and languages of an existing row.
void update_options(Connection& c, Table t, const model::Follow& f);
// Deletes the row, lowering the counters for an accepted follow; returns what was deleted.
std::optional<model::Follow> remove(Connection& c, Table t, int64_t account_id, int64_t target_account_id);

// Counts and page rows: a page entry is the relationship row's id (the
// paging cursor) and the other account's id.
struct Entry {
  int64_t row_id = 0;
  int64_t account_id = 0;
};
// Who follows `account_id` / whom it follows / who asks to follow it, newest
// first, leaving out suspended accounts and (when set) accounts `viewer`
// does not want to see.
std::vector<Entry> followers(Connection& c, int64_t account_id, const model::PageRequest& page,
                             std::optional<int64_t> viewer, int64_t now_ms);
std::vector<Entry> following(Connection& c, int64_t account_id, const model::PageRequest& page,
                             std::optional<int64_t> viewer, int64_t now_ms);
std::vector<Entry> requests_to(Connection& c, int64_t target_account_id, const model::PageRequest& page);

// The followers of `account_id` on `domain` (for user-level domain blocks).
// Everyone waiting for `target_account_id` to answer their follow request, oldest first.
std::vector<int64_t> requester_ids(Connection& c, int64_t target_account_id);
std::vector<int64_t> follower_ids_on_domain(Connection& c, int64_t account_id, const std::string& domain);

// Whether any local account follows `account_id`.
bool has_local_followers(Connection& c, int64_t account_id);
// The local followers of `account_id` (an account that moved takes them along).
std::vector<int64_t> local_follower_ids(Connection& c, int64_t account_id);
// Every account with a follow or request to or from `account_id`.
std::vector<int64_t> connected_ids(Connection& c, int64_t account_id);

// The local followers of `account_id` who asked to be notified of its posts (follows.notify).
std::vector<int64_t> notified_local_follower_ids(Connection& c, int64_t account_id);

}  // namespace agora::store::follows
