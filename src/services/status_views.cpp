#include "services/status_views.h"

#include <map>
#include <memory>
#include <set>

#include "core/time.h"
#include "services/account_emojis.h"
#include "services/emoji_lookup.h"
#include "services/filter_matching.h"
#include "services/polls.h"
#include "store/accounts.h"
#include "store/media_attachments.h"
#include "store/filters.h"
#include "store/statuses.h"
#include "text/emoji.h"
#include "text/html.h"

namespace agora::services {

namespace {

std::vector<int64_t> to_vector(const std::set<int64_t>& s) { return {s.begin(), s.end()}; }

// Everything loaded for one batch, keyed by id.
struct Loaded {
  std::map<int64_t, std::shared_ptr<const model::Account>> accounts;
  std::map<int64_t, std::vector<int64_t>> mentions;
  std::map<int64_t, std::vector<model::Tag>> tags;
  std::map<int64_t, model::StatusApplication> applications;
  std::map<int64_t, model::PollView> polls;
  std::map<int64_t, std::vector<model::MediaAttachment>> media;  // by status, in order
  store::statuses::ViewerMarks marks;
  std::set<int64_t> sensitized;  // authors whose media a moderator marked sensitive
  EmojiLookup emojis;
  std::vector<model::Filter> filters;                 // the viewer's active filters
};

// Every filter of the viewer that matches, whatever its context: clients
// apply them per context, as with Mastodon's `filtered`.
std::vector<model::FilterResult> matching_filters(const model::Status& s,
                                                  const std::vector<model::Filter>& filters) {
  std::vector<model::FilterResult> out;
  if (filters.empty()) return out;
  std::string searchable = s.spoiler_text + "\n" + text::html_to_text(s.content);
  for (const char* context : {"home", "notifications", "public", "thread", "account"})
    for (auto& r : match_filters(filters, context, s, searchable)) {
      bool seen = false;
      for (const auto& o : out) seen = seen || o.filter.id == r.filter.id;
      if (!seen) out.push_back(std::move(r));
    }
  return out;
}

// The custom emoji a status shows: those named in its text and content warning.
std::vector<std::string> emoji_shortcodes(const model::Status& s) {
  auto codes = text::custom_emoji_shortcodes(s.local ? s.text : s.content);
  auto in_spoiler = text::custom_emoji_shortcodes(s.spoiler_text);
  codes.insert(codes.end(), in_spoiler.begin(), in_spoiler.end());
  return codes;
}

model::StatusView view_of(const model::Status& s, const Loaded& l, std::optional<int64_t> viewer) {
  model::StatusView v;
  v.status = s;
  if (auto a = l.accounts.find(s.account_id); a != l.accounts.end()) v.account = a->second;
  if (auto m = l.mentions.find(s.id); m != l.mentions.end())
    for (int64_t id : m->second)
      if (auto a = l.accounts.find(id); a != l.accounts.end()) v.mentions.push_back(a->second);
  if (auto t = l.tags.find(s.id); t != l.tags.end()) v.tags = t->second;
  if (auto m = l.media.find(s.id); m != l.media.end()) v.media = m->second;
  // Mastodon's Account#sensitized?: others see the author's media as sensitive; the author sees it as posted.
  if (l.sensitized.contains(s.account_id) && viewer != s.account_id) v.status.sensitive = true;
  // The emoji of the author's server: a remote :blobcat: is never ours.
  v.emojis = l.emojis.pick(v.account ? v.account->domain : std::string(), emoji_shortcodes(s));
  if (s.application_id)
    if (auto app = l.applications.find(*s.application_id); app != l.applications.end()) v.application = app->second;
  if (s.poll_id)
    if (auto p = l.polls.find(*s.poll_id); p != l.polls.end()) v.poll = p->second;
  if (viewer) {
    model::StatusViewerState st;
    st.favourited = l.marks.favourited.contains(s.id);
    st.bookmarked = l.marks.bookmarked.contains(s.id);
    st.reblogged = l.marks.reblogged.contains(s.id);
    st.muted = s.conversation_id && l.marks.muted_conversations.contains(*s.conversation_id);
    // One can pin one's own statuses, except direct messages.
    bool pinnable = s.account_id == *viewer && !s.reblog() &&
                    (s.visibility == model::Visibility::public_ || s.visibility == model::Visibility::unlisted ||
                     s.visibility == model::Visibility::private_);
    if (pinnable) st.pinned = l.marks.pinned.contains(s.id);
    v.viewer = st;
    v.filtered = matching_filters(s, l.filters);
  }
  return v;
}

}  // namespace

std::vector<model::StatusView> load_status_views(store::Connection& c, std::optional<int64_t> viewer,
                                                 const std::vector<model::Status>& statuses) {
  // The boosted statuses are rendered too (as "reblog").
  std::set<int64_t> original_ids;
  for (const auto& s : statuses)
    if (s.reblog_of_id) original_ids.insert(*s.reblog_of_id);
  return load_status_views(c, viewer, statuses, store::statuses::find_many(c, to_vector(original_ids)));
}

std::vector<model::StatusView> load_status_views(store::Connection& c, std::optional<int64_t> viewer,
                                                 const std::vector<model::Status>& statuses,
                                                 const std::vector<model::Status>& boosted) {
  std::map<int64_t, model::Status> originals;
  for (const auto& o : boosted) originals.emplace(o.id, o);

  std::vector<const model::Status*> all;
  for (const auto& s : statuses) all.push_back(&s);
  for (const auto& [id, o] : originals) all.push_back(&o);

  std::set<int64_t> status_ids, account_ids, app_ids, conversation_ids, poll_ids;
  for (const auto* s : all) {
    status_ids.insert(s->id);
    account_ids.insert(s->account_id);
    if (s->application_id) app_ids.insert(*s->application_id);
    if (s->conversation_id) conversation_ids.insert(*s->conversation_id);
    if (s->poll_id) poll_ids.insert(*s->poll_id);
  }
  auto ids = to_vector(status_ids);

  Loaded l;
  l.mentions = store::statuses::mentions(c, ids);
  for (const auto& [sid, mentioned] : l.mentions) account_ids.insert(mentioned.begin(), mentioned.end());
  auto accounts = store::accounts::find_many(c, to_vector(account_ids));
  l.tags = store::statuses::tags(c, ids);
  for (auto& m : store::media_attachments::for_statuses(c, ids)) l.media[*m.status_id].push_back(std::move(m));
  // The emoji of statuses and of their authors' profiles, in one lookup.
  std::map<int64_t, std::string> domains;
  for (const auto& a : accounts) {
    domains[a.id] = a.domain;
    if (a.sensitized) l.sensitized.insert(a.id);
    want_account_emojis(l.emojis, a);
  }
  for (const auto* s : all) {
    auto author = domains.find(s->account_id);
    l.emojis.want(author == domains.end() ? std::string() : author->second, emoji_shortcodes(*s));
  }
  l.emojis.load(c);
  for (auto& a : accounts) {
    take_account_emojis(l.emojis, a);
    l.accounts.emplace(a.id, std::make_shared<const model::Account>(std::move(a)));
  }
  l.applications = store::statuses::applications(c, to_vector(app_ids));
  l.polls = load_poll_views(c, viewer, to_vector(poll_ids));
  if (viewer) {
    l.marks = store::statuses::viewer_marks(c, *viewer, ids, to_vector(conversation_ids));
    l.filters = store::filters::active_for(c, *viewer, now_ms());
  }

  std::vector<model::StatusView> out;
  out.reserve(statuses.size());
  for (const auto& s : statuses) {
    auto v = view_of(s, l, viewer);
    if (s.reblog_of_id)
      if (auto o = originals.find(*s.reblog_of_id); o != originals.end())
        v.reblog = std::make_shared<const model::StatusView>(view_of(o->second, l, viewer));
    out.push_back(std::move(v));
  }
  return out;
}

model::StatusView load_status_view(store::Connection& c, std::optional<int64_t> viewer, const model::Status& status) {
  auto view = load_status_views(c, viewer, {status}).front();
  // Alone, Mastodon asks about the boosted status itself (Account#favourited?
  // and friends use status.proper), so a boost shows the viewer's state of the original.
  if (view.viewer && view.reblog && view.reblog->viewer) {
    view.viewer->favourited = view.reblog->viewer->favourited;
    view.viewer->reblogged = view.reblog->viewer->reblogged;
    view.viewer->bookmarked = view.reblog->viewer->bookmarked;
    view.viewer->muted = view.reblog->viewer->muted;  // boosts have no thread of their own here
  }
  return view;
}

}  // namespace agora::services
