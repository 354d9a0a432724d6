#include "services/polls.h"

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/notify.h"
#include "services/outbound_statuses.h"
#include "services/visibility.h"
#include "store/polls.h"
#include "store/statuses.h"
#include "store/visibility.h"
#include "text/length.h"
#include "text/plain_text.h"

namespace agora::services {

namespace {

// Schedules the end-of-poll notifications at its expiry (the job checks the
// time again, so a poll whose expiry moved is notified once, when it ends).
void schedule_expiry(store::Connection& c, const model::Poll& p, int64_t now) {
  if (!p.expires_at) return;
  jobs::enqueue(c, {.kind = "poll_expired",
                    .payload = {{"poll_id", p.id}},
                    .delay_ms = std::max<int64_t>(0, *p.expires_at - now)});
}

model::PollView view_of(const model::Poll& p, std::optional<int64_t> viewer, const std::vector<int>* own, int64_t now) {
  model::PollView v;
  v.poll = p;
  v.expired = p.expires_at && *p.expires_at <= now;
  v.show_totals = v.expired || !p.hide_totals;
  if (viewer) {
    // The author counts as having voted (Mastodon's Poll#voted?), with no votes of their own.
    v.voted = *viewer == p.account_id || (own && !own->empty());
    v.own_votes = own ? *own : std::vector<int>{};
  }
  return v;
}

// The option index of a choice; -1 (no option) for anything but a small integer.
int choice_index(const std::string& text) {
  try {
    size_t used = 0;
    long long n = std::stoll(text, &used);
    if (used == text.size() && n >= 0 && n < 1000) return static_cast<int>(n);
  } catch (const std::exception&) {
  }
  return -1;
}

}  // namespace

NewPoll normalized(const NewPoll& p) {
  NewPoll out = p;
  out.options.clear();
  for (const auto& o : p.options) {
    auto stripped = text::strip(o);
    if (!stripped.empty()) out.options.emplace_back(stripped);
  }
  return out;
}

void add_poll_errors(Validation& v, const NewPoll& p) {
  const std::string options = "poll.options", expires = "poll.expires_at";
  if (p.options.size() < 2) v.add(options, "Poll options", "ERR_TOO_SHORT", "must have more than one item");
  if (p.options.size() > kMaxPollOptions)
    v.add(options, "Poll options", "ERR_TOO_LONG",
          "can't contain more than " + std::to_string(kMaxPollOptions) + " items");
  if (std::any_of(p.options.begin(), p.options.end(),
                  [](const std::string& o) { return text::count_graphemes(o) > kMaxPollOptionCharacters; }))
    v.add(options, "Poll options", "ERR_TOO_LONG",
          "cannot be longer than " + std::to_string(kMaxPollOptionCharacters) + " characters each");
  if (std::set<std::string>(p.options.begin(), p.options.end()).size() != p.options.size())
    v.add(options, "Poll options", "ERR_INVALID", "contain duplicate items");
  if (!p.expires_in) {
    v.add(expires, "Poll expires at", "ERR_BLANK", "can't be blank");
  } else if (*p.expires_in > kMaxPollExpirationSeconds) {
    v.add(expires, "Poll expires at", "ERR_INVALID", "is too far into the future");
  } else if (*p.expires_in < kMinPollExpirationSeconds) {
    v.add(expires, "Poll expires at", "ERR_INVALID", "is too soon");
  }
}

model::Poll create_poll(store::Connection& c, int64_t poll_id, int64_t status_id, int64_t account_id,
                        const NewPoll& in, int64_t now) {
  model::Poll p;
  p.id = poll_id;
  p.status_id = status_id;
  p.account_id = account_id;
  p.options = in.options;
  p.tallies.assign(in.options.size(), 0);
  p.multiple = in.multiple;
  p.hide_totals = in.hide_totals;
  p.voters_count = 0;  // local polls count voters, whatever their kind (as Mastodon's PostStatusService)
  p.expires_at = now + in.expires_in.value_or(0) * 1000;
  p.created_at = now;
  store::polls::insert(c, p, now);
  schedule_expiry(c, p, now);
  return p;
}

void redefine_poll(store::Connection& c, const model::Poll& before, const NewPoll& in, int64_t now) {
  model::Poll p = before;
  bool reset = in.options != before.options || in.multiple != before.multiple;
  p.options = in.options;
  p.multiple = in.multiple;
  p.hide_totals = in.hide_totals;
  p.expires_at = now + in.expires_in.value_or(0) * 1000;
  store::polls::redefine(c, p, reset, now);
  schedule_expiry(c, p, now);
}

std::map<int64_t, model::PollView> load_poll_views(store::Connection& c, std::optional<int64_t> viewer,
                                                   const std::vector<int64_t>& poll_ids) {
  std::map<int64_t, model::PollView> out;
  if (poll_ids.empty()) return out;
  auto polls = store::polls::find_many(c, poll_ids);
  std::map<int64_t, std::vector<int>> own;
  if (viewer) own = store::polls::votes_of(c, *viewer, poll_ids);
  int64_t now = now_ms();
  for (const auto& p : polls) {
    auto it = own.find(p.id);
    out.emplace(p.id, view_of(p, viewer, it == own.end() ? nullptr : &it->second, now));
  }
  return out;
}

model::PollView show_poll(Context& ctx, std::optional<int64_t> viewer, int64_t poll_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto p = store::polls::find(c, poll_id);
  if (!p || !p->status_id) throw Error::not_found();
  visibility::require_visible(c, viewer, p->status_id);
  return load_poll_views(c, viewer, {p->id}).at(p->id);
}

model::PollView vote(Context& ctx, const model::Account& voter, int64_t poll_id,
                     const std::vector<std::string>& choices) {
  if (choices.empty()) throw Error::bad_request("param is missing or the value is empty: choices");
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    int64_t now = now_ms();
    if (!store::polls::lock(c, poll_id, now)) throw Error::not_found();
    auto p = store::polls::find(c, poll_id);
    if (!p->status_id) throw Error::not_found();
    visibility::require_visible(c, voter.id, p->status_id);
    if (!store::visibility::blocking(c, p->account_id, {voter.id}).empty()) throw Error::forbidden();

    // Each choice is validated as Mastodon validates one PollVote, against the votes before it.
    auto earlier = store::polls::votes_of(c, voter.id, {p->id})[p->id];
    bool expired = p->expires_at && *p->expires_at <= now;
    for (const auto& text : choices) {
      int choice = choice_index(text);
      std::vector<std::string> errors;
      if (expired) errors.push_back("The poll has already ended");
      if (choice < 0 || static_cast<size_t>(choice) >= p->options.size())
        errors.push_back("The chosen vote option does not exist");
      if (voter.id == p->account_id) errors.push_back("You cannot vote in your own polls");
      bool again = p->multiple ? std::find(earlier.begin(), earlier.end(), choice) != earlier.end() : !earlier.empty();
      if (again) errors.push_back("You have already voted on this poll");
      if (!errors.empty()) {
        std::string message = "Validation failed: ";
        for (size_t i = 0; i < errors.size(); ++i) message += (i ? ", " : "") + errors[i];
        throw Error::unprocessable(message);
      }
      store::polls::insert_vote(c, p->id, voter.id, choice, now);
      earlier.push_back(choice);
      outbound::poll_voted(c, voter, *p, choice);
    }
    store::polls::recount(c, p->id, p->options.size());
    if (auto status = store::statuses::find(c, p->status_id)) outbound::poll_tallies_changed(c, ctx, *status);
  });
  return load_poll_views(c, voter.id, {poll_id}).at(poll_id);
}

void notify_poll_expired(Context& ctx, int64_t poll_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    auto p = store::polls::find(c, poll_id);
    if (!p || !p->status_id || !p->expires_at) return;
    int64_t now = now_ms();
    if (*p->expires_at > now) {  // its expiry moved later: look again then
      schedule_expiry(c, *p, now);
      return;
    }
    if (!store::polls::claim_expiry_notification(c, p->id)) return;
    notify(c, p->account_id, p->account_id, "poll", now, p->status_id);
    for (int64_t voter : store::polls::local_voter_ids(c, p->id))
      if (voter != p->account_id) notify(c, voter, p->account_id, "poll", now, p->status_id);
  });
}

}  // namespace agora::services
