#include "services/status_edits.h"


#include <map>
#include <memory>

#include "core/errors.h"
#include "core/languages.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/notify.h"
#include "services/outbound_statuses.h"
#include "services/rendered_accounts.h"
#include "services/statuses.h"
#include "services/stream_events.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/polls.h"
#include "store/media_attachments.h"
#include "store/statement.h"
#include "services/media.h"
#include "store/status_edits.h"
#include "store/statuses.h"
#include "text/plain_text.h"

namespace agora::services {

namespace {

model::StatusEdit snapshot(const model::Status& s, const std::optional<model::Poll>& poll,
                           const std::vector<int64_t>& media_ids, int64_t at) {
  model::StatusEdit e;
  e.media_ids = media_ids;
  e.id = next_id();
  e.status_id = s.id;
  e.account_id = s.account_id;
  e.text = s.text;
  e.content = s.content;
  e.spoiler_text = s.spoiler_text;
  e.sensitive = s.sensitive;
  if (poll) e.poll_options = poll->options;
  e.created_at = at;
  return e;
}

model::Status own_status(store::Connection& c, const model::Account& author, int64_t id) {
  auto s = store::statuses::find(c, id);
  if (!s || s->account_id != author.id || s->reblog()) throw Error::not_found();
  return *s;
}

std::vector<int64_t> current_media_ids(store::Connection& c, int64_t status_id) {
  std::vector<int64_t> ids;
  for (const auto& m : store::media_attachments::for_statuses(c, {status_id})) ids.push_back(m.id);
  return ids;
}

}  // namespace

model::Status edit_status(Context& ctx, const model::Account& author, int64_t status_id, const StatusChanges& in) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  return store::in_transaction(c, [&] {
    int64_t now = now_ms();
    model::Status before = own_status(c, author, status_id);
    std::optional<model::Poll> old_poll;
    if (before.poll_id) old_poll = store::polls::find(c, *before.poll_id);

    // As UpdateStatusService: a blank text takes the content warning's place
    // (which then stays as it was); otherwise a missing one is cleared, and
    // the status is sensitive when asked or when it has a content warning.
    bool warning_as_text = text::strip(in.text).empty() && in.spoiler_text && !in.spoiler_text->empty();
    model::Status s = before;
    s.text = warning_as_text ? *in.spoiler_text : in.text;
    if (!warning_as_text) s.spoiler_text = std::string(text::strip(in.spoiler_text.value_or("")));
    s.sensitive = in.sensitive.value_or(false) || (!warning_as_text && !s.spoiler_text.empty());
    if (in.language && supported_language(*in.language)) s.language = *in.language;

    NewStatus checked;
    checked.text = s.text;
    checked.spoiler_text = s.spoiler_text;
    checked.media_ids = in.media_ids;
    checked.poll = in.poll;
    validate_status(c, checked);
    auto old_media = current_media_ids(c, s.id);
    std::vector<int64_t> new_media;
    for (const auto& m : attachments::attachable(c, author.id, in.media_ids, s.id)) new_media.push_back(m.id);

    auto formatted = format_status_text(c, ctx, s.text);
    s.content = formatted.html;

    // Any poll sent counts as a change (its expiry starts again), as does removing one.
    bool poll_changed = in.poll.has_value() || old_poll.has_value();
    bool changed = s.text != before.text || s.spoiler_text != before.spoiler_text ||
                   s.sensitive != before.sensitive || s.language != before.language || old_media != new_media;
    if (!changed && !poll_changed) return before;

    if (!store::status_edits::any(c, s.id))
      store::status_edits::insert(c, snapshot(before, old_poll, old_media, before.created_at));

    std::optional<model::Poll> new_poll;
    if (in.poll) {
      auto wanted = normalized(*in.poll);
      if (old_poll) {
        redefine_poll(c, *old_poll, wanted, now);
      } else {
        s.poll_id = next_id();
        create_poll(c, *s.poll_id, s.id, author.id, wanted, now);
      }
      new_poll = store::polls::find(c, *s.poll_id);
    } else if (old_poll) {
      store::polls::remove(c, old_poll->id);
      s.poll_id.reset();
    }

    store::media_attachments::attach_to_status(c, s.id, new_media, now);
    s.edited_at = s.updated_at = now;
    store::statuses::update_edited(c, s);
    stream_events::status_edited(c, s);
    store::status_edits::insert(c, snapshot(s, new_poll, new_media, now));

    std::vector<int64_t> mentioned;
    for (const auto& a : formatted.mentioned) mentioned.push_back(a.id);
    for (int64_t id : store::statuses::replace_mentions(c, s.id, mentioned))
      for (const auto& a : formatted.mentioned)
        if (a.id == id && a.local() && visibility::visible(c, a.id, s)) notify(c, a.id, author.id, "mention", now, s.id);
    for (int64_t booster : store::statuses::local_reblogger_ids(c, s.id))
      notify(c, booster, author.id, "update", now, s.id);
    outbound::status_updated(c, ctx, s, author);
    return s;
  });
}

std::vector<model::StatusEditView> status_history(Context& ctx, std::optional<int64_t> viewer, int64_t status_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto s = visibility::require_visible(c, viewer, status_id);
  if (s.reblog()) throw Error::not_found();
  auto edits = store::status_edits::of_status(c, s.id);
  if (edits.empty()) {
    std::optional<model::Poll> poll;
    if (s.poll_id) poll = store::polls::find(c, *s.poll_id);
    edits.push_back(snapshot(s, poll, current_media_ids(c, s.id), s.edited_at.value_or(s.created_at)));
  }
  // Every version's attachments in one query.
  std::vector<int64_t> media_ids;
  for (const auto& e : edits) media_ids.insert(media_ids.end(), e.media_ids.begin(), e.media_ids.end());
  std::map<int64_t, model::MediaAttachment> media;
  for (size_t at = 0; at < media_ids.size(); at += store::kMaxIdList) {
    std::vector<int64_t> chunk(media_ids.begin() + at, media_ids.begin() + std::min(media_ids.size(), at + store::kMaxIdList));
    for (auto& m : store::media_attachments::find_many(c, chunk)) media.emplace(m.id, std::move(m));
  }
  std::vector<int64_t> account_ids;
  for (const auto& e : edits) account_ids.push_back(e.account_id);
  auto accounts = load_rendered_accounts(c, account_ids);
  std::vector<model::StatusEditView> out;
  for (auto& e : edits) {
    model::StatusEditView v;
    if (auto a = accounts.find(e.account_id); a != accounts.end()) v.account = a->second;
    for (int64_t id : e.media_ids)
      if (auto m = media.find(id); m != media.end()) v.media.push_back(m->second);
    v.edit = std::move(e);
    out.push_back(std::move(v));
  }
  return out;
}

model::Status status_source(Context& ctx, const model::Account& author, int64_t status_id) {
  auto lease = ctx.db.acquire();
  return own_status(*lease, author, status_id);
}

}  // namespace agora::services
