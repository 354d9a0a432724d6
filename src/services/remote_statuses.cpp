#include "services/remote_statuses.h"

#include <algorithm>

#include "core/snowflake.h"
#include "core/time.h"
#include "services/conversations.h"
#include "services/fanout.h"
#include "services/notify.h"
#include "services/remote_media_cache.h"
#include "services/remote_emoji.h"
#include "services/tags.h"
#include "services/stream_events.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/polls.h"
#include "store/status_interactions.h"
#include "store/statuses.h"
#include "text/hashtags.h"

namespace agora::services::remote {

namespace {

std::vector<int64_t> tag_ids(store::Connection& c, const std::vector<std::string>& names, int64_t now) {
  std::vector<int64_t> ids;
  for (const auto& name : names)
    if (text::valid_hashtag_name(name)) ids.push_back(tags::find_or_create(c, name, now).id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// The mentioned local accounts who may see the status.
std::vector<int64_t> local_readers(store::Connection& c, const model::Status& s, const std::vector<int64_t>& mentioned) {
  std::vector<int64_t> out;
  for (const auto& a : store::accounts::find_many(c, mentioned))
    if (a.local() && visibility::visible(c, a.id, s)) out.push_back(a.id);
  return out;
}

void store_poll(store::Connection& c, const model::Status& s, const RemotePoll& in, int64_t now) {
  model::Poll p;
  p.id = *s.poll_id;
  p.status_id = s.id;
  p.account_id = s.account_id;
  p.options = in.options;
  p.tallies = in.tallies;
  p.tallies.resize(p.options.size(), 0);
  p.multiple = in.multiple;
  p.voters_count = in.voters_count;
  for (int64_t t : p.tallies) p.votes_count += t;
  p.expires_at = in.expires_at;
  p.created_at = now;
  store::polls::insert(c, p, now);
}

}  // namespace

model::Status create(store::Connection& c, const model::Account& author, const IncomingStatus& in) {
  if (auto known = store::statuses::find_by_uri(c, in.uri)) return *known;
  int64_t now = now_ms();
  model::Status s;
  s.id = next_id();
  s.account_id = author.id;
  s.local = false;
  s.uri = in.uri;
  s.url = in.url.empty() ? in.uri : in.url;
  s.content = in.content;
  s.spoiler_text = in.spoiler_text;
  s.sensitive = in.sensitive || !in.spoiler_text.empty();
  s.visibility = in.visibility;
  s.language = in.language;
  // A clock ahead of ours must not pin a status to the top of timelines.
  s.created_at = in.published_at > 0 ? std::min(in.published_at, now) : now;
  s.updated_at = now;
  s.edited_at = in.edited_at;
  if (in.in_reply_to_id)
    if (auto parent = store::statuses::find(c, *in.in_reply_to_id); parent && !parent->reblog()) {
      s.in_reply_to_id = parent->id;
      s.in_reply_to_account_id = parent->account_id;
      s.conversation_id = parent->conversation_id;
    }
  if (!s.conversation_id) s.conversation_id = store::statuses::new_conversation(c, now);
  if (in.poll && in.poll->options.size() >= 2) s.poll_id = next_id();

  store::statuses::insert(c, s, in.mentioned_ids, tag_ids(c, in.hashtags, now));
  remote_emoji::remember(c, author.domain, in.emojis, now);
  if (in.poll && s.poll_id) store_poll(c, s, *in.poll, now);
  for (size_t i = 0; i < in.attachments.size(); ++i)
    media_cache::enqueue_attachment(
        c, store::remote_media::insert(c, author.id, s.id, static_cast<int>(i), in.attachments[i], now));

  auto readers = local_readers(c, s, in.mentioned_ids);
  for (int64_t reader : readers) notify(c, reader, author.id, "mention", now, s.id);
  fan_out(c, s, readers);
  add_direct_status(c, s, in.mentioned_ids, readers, now);
  return s;
}

void update(store::Connection& c, const model::Account& author, const IncomingStatus& in) {
  auto s = store::statuses::find_by_uri(c, in.uri);
  if (!s || s->account_id != author.id || s->reblog()) return;
  int64_t now = now_ms();
  if (!in.edited_at) {
    // No `updated`: not an edit, only a poll's new counts (as Mastodon reads it).
    if (in.poll && s->poll_id)
      if (auto poll = store::polls::find(c, *s->poll_id); poll && poll->options == in.poll->options) {
        poll->tallies = in.poll->tallies;
        poll->tallies.resize(poll->options.size(), 0);
        poll->voters_count = in.poll->voters_count;
        store::polls::set_tallies(c, *poll);
      }
    return;
  }
  if (s->edited_at && *in.edited_at <= *s->edited_at) return;  // an older or repeated Update
  s->content = in.content;
  s->spoiler_text = in.spoiler_text;
  s->sensitive = in.sensitive || !in.spoiler_text.empty();
  s->language = in.language;
  s->edited_at = in.edited_at;
  s->updated_at = now;
  store::statuses::update_edited(c, *s);
  remote_emoji::remember(c, author.domain, in.emojis, now);
  stream_events::status_edited(c, *s);
  for (int64_t id : store::statuses::replace_mentions(c, s->id, in.mentioned_ids))
    for (int64_t reader : local_readers(c, *s, {id})) notify(c, reader, author.id, "mention", now, s->id);
  for (int64_t booster : store::statuses::local_reblogger_ids(c, s->id))
    notify(c, booster, author.id, "update", now, s->id);
}

bool remove(store::Connection& c, const model::Account& author, const std::string& uri) {
  auto s = store::statuses::find_by_uri(c, uri);
  if (!s || s->account_id != author.id) return false;
  stream_events::status_deleted(c, *s);
  store::statuses::remove(c, *s);
  remove_direct_status(c, *s, now_ms());
  return true;
}

void reblog(store::Connection& c, const model::Account& booster, const model::Status& original,
            const std::string& announce_uri, model::Visibility visibility, int64_t published_at) {
  if (store::statuses::find_by_uri(c, announce_uri) || store::statuses::find_reblog(c, booster.id, original.id))
    return;
  model::Status boost;
  boost.id = next_id();
  boost.account_id = booster.id;
  boost.local = false;
  boost.uri = boost.url = announce_uri;
  boost.visibility = visibility;
  boost.reblog_of_id = original.id;
  int64_t now = now_ms();
  boost.created_at = published_at > 0 ? std::min(published_at, now) : now;
  boost.updated_at = now;
  store::statuses::insert(c, boost, {}, {});
  fan_out(c, boost, {});
  notify(c, original.account_id, booster.id, "reblog", now, original.id);
}

void favourite(store::Connection& c, const model::Account& account, const model::Status& status) {
  int64_t now = now_ms();
  if (store::favourites::insert(c, account.id, status.id, now))
    notify(c, status.account_id, account.id, "favourite", now, status.id);
}

void unfavourite(store::Connection& c, const model::Account& account, const model::Status& status) {
  store::favourites::remove(c, account.id, status.id);
}

void remove_all(store::Connection& c, const model::Account& author) {
  for (const auto& s : store::statuses::of_account(c, author.id)) {
    stream_events::status_deleted(c, s);
    store::statuses::remove(c, s);
    remove_direct_status(c, s, now_ms());
  }
}

}  // namespace agora::services::remote
