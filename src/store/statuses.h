// Queries on statuses and the rows that hang on them (mentions, hashtags),
// and the per-viewer facts a Status entity needs, loaded for many at once.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/status.h"
#include "store/database.h"

namespace agora::store::statuses {

// Inserts the status with its mentions and tag links, and counts it on its
// author (and on the status it replies to). Call inside a transaction.
void insert(Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned_account_ids,
            const std::vector<int64_t>& tag_ids);
// Deletes the status (its boosts, mentions, tag links, favourites … cascade)
// and takes it off the counters. Call inside a transaction.
void remove(Connection& c, const model::Status& s);

// Saves what an edit changes: text, content, spoiler_text, sensitive,
// language, poll_id, edited_at and updated_at.
void update_edited(Connection& c, const model::Status& s);
// Makes the status's (loud) mentions exactly `account_ids`: mentions no longer
// in the text turn silent (as Mastodon keeps them), new ones are added.
// Returns the accounts that were never mentioned before (to notify).
std::vector<int64_t> replace_mentions(Connection& c, int64_t status_id, const std::vector<int64_t>& account_ids);
// Local accounts that boosted the status.
std::vector<int64_t> local_reblogger_ids(Connection& c, int64_t status_id);

std::optional<model::Status> find(Connection& c, int64_t id);
// The statuses that exist among `ids` (any order; at most kMaxIdList).
std::vector<model::Status> find_many(Connection& c, const std::vector<int64_t>& ids);
// These statuses and the originals of those that are boosts, in one statement
// per slice (a status that is both comes twice).
std::vector<model::Status> find_many_with_originals(Connection& c, const std::vector<int64_t>& ids);
// By ActivityPub id (statuses and boosts).
std::optional<model::Status> find_by_uri(Connection& c, const std::string& uri);
// Every status and boost of an account (to delete them all).
std::vector<model::Status> of_account(Connection& c, int64_t account_id);
// The account's boost of the status, if it boosted it.
std::optional<model::Status> find_reblog(Connection& c, int64_t account_id, int64_t reblog_of_id);
// Ids of boosts of the status (they go when it goes).
std::vector<int64_t> reblog_ids(Connection& c, int64_t status_id);

// Mentioned accounts per status.
std::map<int64_t, std::vector<int64_t>> mentions(Connection& c, const std::vector<int64_t>& status_ids);
// Tags per status.
std::map<int64_t, std::vector<model::Tag>> tags(Connection& c, const std::vector<int64_t>& status_ids);
// Name and website of applications, by id.
std::map<int64_t, model::StatusApplication> applications(Connection& c, const std::vector<int64_t>& app_ids);

// What the viewer did to a batch of statuses: which it favourited,
// bookmarked, pinned or boosted, and which of their conversations it muted.
struct ViewerMarks {
  std::set<int64_t> favourited, bookmarked, pinned, reblogged, muted_conversations;
};
// In one statement while both lists fit in one (kMaxIdList ids each).
ViewerMarks viewer_marks(Connection& c, int64_t viewer, const std::vector<int64_t>& status_ids,
                         const std::vector<int64_t>& conversation_ids);

int64_t new_conversation(Connection& c, int64_t now_ms);

}  // namespace agora::store::statuses
