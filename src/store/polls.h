// Polls and their votes. Counts (tallies, votes_count, voters_count) are
// recomputed from poll_votes after each change, under the poll's row lock.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "model/poll.h"
#include "store/database.h"

namespace agora::store::polls {

void insert(Connection& c, const model::Poll& p, int64_t now);
std::optional<model::Poll> find(Connection& c, int64_t id);
std::vector<model::Poll> find_many(Connection& c, const std::vector<int64_t>& ids);
// Takes the poll's row lock until the transaction ends (so concurrent votes
// count one after the other); false when there is no such poll.
bool lock(Connection& c, int64_t id, int64_t now);

// The choices `account_id` voted for, per poll, in the order they were cast.
std::map<int64_t, std::vector<int>> votes_of(Connection& c, int64_t account_id, const std::vector<int64_t>& poll_ids);
void insert_vote(Connection& c, int64_t poll_id, int64_t account_id, int choice, int64_t now);
bool has_votes(Connection& c, int64_t poll_id);
// Recounts tallies, votes_count and voters_count from the votes.
void recount(Connection& c, int64_t poll_id, size_t option_count);
// Replaces options, multiple, hide_totals and expires_at; with `reset_votes`
// the votes go and the counts start again at zero. A new expiry is notified again.
// A remote poll's counts as its server reports them.
void set_tallies(Connection& c, const model::Poll& p);
void redefine(Connection& c, const model::Poll& p, bool reset_votes, int64_t now);
void remove(Connection& c, int64_t id);

// Marks the poll's expiry as notified; false when it already was.
bool claim_expiry_notification(Connection& c, int64_t id);
// Local accounts that voted in the poll.
std::vector<int64_t> local_voter_ids(Connection& c, int64_t poll_id);
std::vector<int64_t> remote_voter_ids(Connection& c, int64_t poll_id);

}  // namespace agora::store::polls
