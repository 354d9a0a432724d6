// Polls (Mastodon's PollValidator, VoteService and PollExpirationNotifyWorker):
// the rules of a new poll, voting, how a viewer sees a poll, and the
// notifications when it ends.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/poll.h"
#include "services/context.h"
#include "services/validation.h"
#include "store/database.h"

namespace agora::services {

// Mastodon's limits, announced in /api/v2/instance.
constexpr size_t kMaxPollOptions = 4;
constexpr size_t kMaxPollOptionCharacters = 50;
constexpr int64_t kMinPollExpirationSeconds = 300;
constexpr int64_t kMaxPollExpirationSeconds = 2'629'746;  // a month

// poll[…] of POST and PUT /api/v1/statuses.
struct NewPoll {
  std::vector<std::string> options;
  std::optional<int64_t> expires_in;  // seconds
  bool multiple = false;
  bool hide_totals = false;
};

// The options stripped, blank ones dropped (as Mastodon prepares them).
NewPoll normalized(const NewPoll& p);
// Adds PollValidator's errors ("Poll options must have more than one item", …) for a normalized poll.
void add_poll_errors(Validation& v, const NewPoll& p);

// Stores the (validated, normalized) poll of a status and schedules the
// notifications of its end, in the caller's transaction.
model::Poll create_poll(store::Connection& c, int64_t poll_id, int64_t status_id, int64_t account_id,
                        const NewPoll& p, int64_t now);
// Gives an existing poll new options and expiry; votes go when the options or
// `multiple` change, as Mastodon's UpdateStatusService does.
void redefine_poll(store::Connection& c, const model::Poll& before, const NewPoll& p, int64_t now);

// How `viewer` sees each of `poll_ids` (two queries), by poll id.
std::map<int64_t, model::PollView> load_poll_views(store::Connection& c, std::optional<int64_t> viewer,
                                                   const std::vector<int64_t>& poll_ids);

// GET /api/v1/polls/:id: 404 unless the viewer may see its status.
model::PollView show_poll(Context& ctx, std::optional<int64_t> viewer, int64_t poll_id);
// POST /api/v1/polls/:id/votes: choices are option indexes.
model::PollView vote(Context& ctx, const model::Account& voter, int64_t poll_id, const std::vector<std::string>& choices);

// The poll_expired job: once the poll has ended, notifies its author and
// local voters ("poll"), exactly once.
void notify_poll_expired(Context& ctx, int64_t poll_id);

}  // namespace agora::services
