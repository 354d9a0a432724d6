// Members' interactions with statuses: favourites, bookmarks, pins and
// conversation mutes (the rows themselves and the counters they keep), and
// the lists read from them. Call the writes inside a transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store {

// One row of a list read from an interaction: `row_id` pages the list, `id`
// is what it points to (a status, or an account).
struct RowRef {
  int64_t row_id = 0;
  int64_t id = 0;
};

}  // namespace agora::store

namespace agora::store::favourites {

// Adds the favourite and counts it on the status; false if it existed.
bool insert(Connection& c, int64_t account_id, int64_t status_id, int64_t now_ms);
// Removes it and takes it off the count; false if there was none.
bool remove(Connection& c, int64_t account_id, int64_t status_id);
// The account's favourites, newest first: {favourite id, status id}.
std::vector<RowRef> of_account(Connection& c, int64_t account_id, const model::PageRequest& page);
// Who favourited the status, newest first: {favourite id, account id},
// leaving out suspended accounts and (when set) those `viewer` excludes.
std::vector<RowRef> accounts_of(Connection& c, int64_t status_id, const model::PageRequest& page,
                                std::optional<int64_t> viewer, int64_t now_ms);

}  // namespace agora::store::favourites

namespace agora::store::bookmarks {

bool insert(Connection& c, int64_t account_id, int64_t status_id, int64_t now_ms);
bool remove(Connection& c, int64_t account_id, int64_t status_id);
// The account's bookmarks, newest first: {bookmark id, status id}.
std::vector<RowRef> of_account(Connection& c, int64_t account_id, const model::PageRequest& page);

}  // namespace agora::store::bookmarks

namespace agora::store::reblogs {

// Who boosted the status, newest first: {boost id, account id}, with the
// same exclusions as favourites::accounts_of.
std::vector<RowRef> accounts_of(Connection& c, int64_t status_id, const model::PageRequest& page,
                                std::optional<int64_t> viewer, int64_t now_ms);

}  // namespace agora::store::reblogs

namespace agora::store::status_pins {

int64_t count(Connection& c, int64_t account_id);
bool insert(Connection& c, int64_t account_id, int64_t status_id, int64_t now_ms);
bool remove(Connection& c, int64_t account_id, int64_t status_id);

}  // namespace agora::store::status_pins

namespace agora::store::conversation_mutes {

void insert(Connection& c, int64_t account_id, int64_t conversation_id);
void remove(Connection& c, int64_t account_id, int64_t conversation_id);
// Whether the account muted the conversation the status belongs to.
bool mutes_thread_of(Connection& c, int64_t account_id, int64_t status_id);

}  // namespace agora::store::conversation_mutes
