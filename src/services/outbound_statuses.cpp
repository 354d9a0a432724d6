#include "services/outbound_statuses.h"

#include "activitypub/activities.h"
#include "jobs/queue.h"
#include "services/delivery.h"
#include "services/render_context.h"
#include "services/status_views.h"
#include "store/accounts.h"
#include "store/inboxes.h"
#include "store/polls.h"
#include "store/statuses.h"

namespace agora::services::outbound {

namespace {

bool direct(const model::Status& s) {
  return s.visibility == model::Visibility::direct || s.visibility == model::Visibility::limited;
}

// Remote accounts a status concerns beyond the author's followers.
std::vector<int64_t> concerned_accounts(store::Connection& c, const model::Status& s) {
  std::vector<int64_t> ids;
  auto mentions = store::statuses::mentions(c, {s.id});
  if (auto it = mentions.find(s.id); it != mentions.end()) ids = it->second;
  if (s.in_reply_to_account_id && !direct(s)) ids.push_back(*s.in_reply_to_account_id);
  return ids;
}

template <class Render>
void send_status(store::Connection& c, const Context& ctx, const model::Status& s, const model::Account& author,
                 Render render, const std::vector<int64_t>& also_concerned = {}) {
  auto concerned = concerned_accounts(c, s);
  concerned.insert(concerned.end(), also_concerned.begin(), also_concerned.end());
  bool to_followers = !direct(s) && store::inboxes::has_remote_followers(c, author.id);
  auto inboxes = store::inboxes::of_accounts(c, concerned);
  if (!to_followers && inboxes.empty()) return;
  auto view = load_status_view(c, std::nullopt, s);
  activitypub::NoteLinks links{std::nullopt, ctx.config.domain};
  if (s.in_reply_to_id)
    if (auto parent = store::statuses::find(c, *s.in_reply_to_id)) links.in_reply_to_uri = parent->uri;
  auto activity = render(view, activitypub::note(view, links, render_context(ctx)));
  if (to_followers) delivery::to_followers(c, author, activity, concerned);
  else delivery::to_inboxes(c, author, activity, std::move(inboxes));
}

std::optional<model::Account> remote_author(store::Connection& c, const model::Status& s) {
  auto author = store::accounts::find(c, s.account_id);
  if (!author || author->local()) return std::nullopt;
  return author;
}

// An Announce or its Undo: to the booster's followers and the original's remote author.
template <class Render>
void send_announce(store::Connection& c, const model::Status& boost, const model::Account& booster,
                   const model::Status& original, Render render) {
  auto author = store::accounts::find(c, original.account_id);
  if (!author) return;
  model::StatusView view;
  view.status = boost;
  view.account = std::make_shared<model::Account>(booster);
  std::vector<int64_t> concerned;
  if (!author->local()) concerned.push_back(author->id);
  delivery::to_followers(c, booster, render(view, original.uri, *author), concerned);
}

}  // namespace

void status_created(store::Connection& c, const Context& ctx, const model::Status& s, const model::Account& author) {
  send_status(c, ctx, s, author, activitypub::create_note);
}

void status_updated(store::Connection& c, const Context& ctx, const model::Status& s, const model::Account& author) {
  send_status(c, ctx, s, author, activitypub::update_note);
}

void status_deleted(store::Connection& c, const Context&, const model::StatusView& view) {
  std::vector<int64_t> concerned;
  for (const auto& m : view.mentions) concerned.push_back(m->id);
  if (view.status.in_reply_to_account_id) concerned.push_back(*view.status.in_reply_to_account_id);
  // Everyone who may have seen it: followers (even of a direct one is harmless) and the concerned.
  delivery::to_followers(c, *view.account, activitypub::delete_note(view), concerned);
}

void poll_tallies_changed(store::Connection& c, const Context& ctx, const model::Status& s) {
  if (!s.local) return;
  jobs::Job job;
  job.kind = kDistributePollUpdate;
  job.payload = {{"status_id", s.id}};
  job.queue = "push";
  job.delay_ms = ctx.config.env == Environment::test ? 1000 : 3 * 60 * 1000;  // tests cannot wait minutes
  jobs::enqueue_once(c, job);
}

void distribute_poll_update(Context& ctx, int64_t status_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    auto s = store::statuses::find(c, status_id);
    if (!s || !s->local || !s->poll_id) return;
    auto author = store::accounts::find(c, s->account_id);
    if (!author) return;
    send_status(c, ctx, *s, *author, activitypub::update_note, store::polls::remote_voter_ids(c, *s->poll_id));
  });
}

void reblogged(store::Connection& c, const model::Status& boost, const model::Account& booster,
               const model::Status& original) {
  send_announce(c, boost, booster, original, activitypub::announce);
}

void unreblogged(store::Connection& c, const model::Status& boost, const model::Account& booster,
                 const model::Status& original) {
  send_announce(c, boost, booster, original, activitypub::undo_announce);
}

void favourited(store::Connection& c, const model::Account& account, const model::Status& status) {
  if (auto author = remote_author(c, status))
    delivery::to_account(c, account, activitypub::like(status.id, account, status.uri, *author), *author);
}

void unfavourited(store::Connection& c, const model::Account& account, const model::Status& status) {
  if (auto author = remote_author(c, status))
    delivery::to_account(c, account, activitypub::undo_like(status.id, account, status.uri, *author), *author);
}

void poll_voted(store::Connection& c, const model::Account& voter, const model::Poll& poll, int choice) {
  auto status = store::statuses::find(c, poll.status_id);
  if (!status || status->local) return;
  auto author = store::accounts::find(c, status->account_id);
  if (!author || author->local()) return;
  std::string vote_id = voter.uri + "#votes/" + std::to_string(poll.id) + "/" + std::to_string(choice);
  delivery::to_account(
      c, voter, activitypub::poll_vote(vote_id, voter, status->uri, *author, poll.options.at(choice)), *author);
}

}  // namespace agora::services::outbound
