#include "services/statuses.h"


#include <algorithm>
#include <set>

#include "core/errors.h"
#include "core/languages.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "http/headers.h"
#include "model/instance.h"
#include "services/conversations.h"
#include "services/fanout.h"
#include "services/instance.h"
#include "services/media.h"
#include "services/notify.h"
#include "services/outbound_statuses.h"
#include "services/status_views.h"
#include "services/stream_events.h"
#include "services/tags.h"
#include "services/validation.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/idempotency.h"
#include "store/media_attachments.h"
#include "jobs/queue.h"
#include "store/status_links.h"
#include "store/statuses.h"
#include "text/entities.h"
#include "text/hashtags.h"
#include "text/length.h"
#include "text/plain_text.h"

namespace agora::services {

namespace {

// How long a retried post with the same Idempotency-Key returns the first (Mastodon: one hour).
constexpr int64_t kIdempotencyWindowMs = 3600'000;

std::string preferred_language(store::Connection& c, const model::Account& author,
                               const std::optional<std::string>& asked) {
  if (asked && supported_language(*asked)) return *asked;
  if (auto user = store::accounts::find_user_by_account(c, author.id)) {
    auto prefs = model::parse_preferences(user->preferences_json);
    if (prefs.default_language && supported_language(*prefs.default_language)) return *prefs.default_language;
    if (supported_language(user->locale)) return user->locale;
  }
  return "en";
}

model::Visibility chosen_visibility(store::Connection& c, const model::Account& author,
                                    const std::optional<std::string>& asked) {
  std::string name;
  if (asked && !asked->empty()) {
    name = *asked;
  } else {
    auto user = store::accounts::find_user_by_account(c, author.id);
    name = model::default_visibility(user ? model::parse_preferences(user->preferences_json) : model::Preferences{},
                                     author);
  }
  auto v = model::parse_visibility(name);
  if (!v) throw Error::unprocessable("Validation failed: Visibility is not included in the list");
  // A silenced (limited) account's public posts are unlisted, as Mastodon does.
  if (*v == model::Visibility::public_ && author.silenced_at) return model::Visibility::unlisted;
  return *v;
}

// The statuses' hashtags, created when new; names Mastodon would not accept stay text.
std::vector<int64_t> tag_ids(store::Connection& c, const std::string& text, int64_t now) {
  std::set<int64_t> ids;
  for (const auto& e : text::extract_entities(text))
    if (e.kind == text::Entity::Kind::hashtag && text::valid_hashtag_name(e.value))
      ids.insert(tags::find_or_create(c, e.value, now).id);
  return {ids.begin(), ids.end()};
}

// The distinct links of the text, for the link timeline.
std::vector<std::string> links_in(const std::string& text) {
  std::vector<std::string> out;
  for (auto& e : text::extract_entities(text))
    if (e.kind == text::Entity::Kind::url && e.value.size() <= store::status_links::kMaxUrlLength &&
        std::find(out.begin(), out.end(), e.value) == out.end())
      out.push_back(std::move(e.value));
  return out;
}

}  // namespace

void validate_status(store::Connection& c, const NewStatus& s) {
  auto limits = content_limits(c);
  Validation v;
  if (text::strip(s.text).empty() && s.media_ids.empty())
    v.add("text", "Text", "ERR_BLANK", "can't be blank");
  // The limits announced in /api/v2/instance.
  auto max_characters = static_cast<size_t>(limits.max_characters);
  if (text::count_graphemes(s.spoiler_text) + text::countable_length(s.text) > max_characters)
    v.add("text", "Text", "ERR_TOO_LONG", "character limit of " + std::to_string(max_characters) + " exceeded");
  if (s.poll) add_poll_errors(v, normalized(*s.poll));
  v.throw_if_failed(false);
  // Mastodon refuses more than 4 files, or media next to a poll, with its "too many files" message.
  std::string too_many = "Cannot attach more than " + std::to_string(limits.max_media_attachments) + " files";
  if (s.media_ids.size() > static_cast<size_t>(limits.max_media_attachments)) throw Error::unprocessable(too_many);
  if (!s.media_ids.empty() && s.poll) throw Error::unprocessable(too_many);
}

FormattedText format_status_text(store::Connection& c, const Context& ctx, const std::string& text) {
  FormattedText out;
  text::FormatOptions o;
  o.base_url = ctx.config.base_url();
  o.resolve_mention = [&](std::string_view username, std::string_view domain) -> std::optional<text::MentionTarget> {
    std::string d = http::iequals(domain, ctx.config.domain) ? "" : std::string(domain);
    auto account = store::accounts::find_by_acct(c, std::string(username), d);
    if (!account || account->suspended_at) return std::nullopt;
    text::MentionTarget target{account->url.empty() ? account->uri : account->url, account->username};
    if (std::none_of(out.mentioned.begin(), out.mentioned.end(),
                     [&](const model::Account& a) { return a.id == account->id; }))
      out.mentioned.push_back(std::move(*account));
    return target;
  };
  out.html = text::format_plain_text(text, o);
  return out;
}


std::string status_uri(const std::string& base_url, const model::Account& author, int64_t id) {
  return base_url + "/users/" + author.username + "/statuses/" + std::to_string(id);
}

std::string status_url(const std::string& base_url, const model::Account& author, int64_t id) {
  return base_url + "/@" + author.username + "/" + std::to_string(id);
}

model::Status post_status(Context& ctx, const model::Account& author, const NewStatus& in) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto posted = store::in_transaction(c, [&] { return post_status_in(c, ctx, author, in); });
  trim_feeds(c, posted);
  return posted;
}

model::Status post_status_in(store::Connection& c, Context& ctx, const model::Account& author, const NewStatus& in) {
  validate_status(c, in);
  int64_t now = now_ms();
  if (in.idempotency_key)
    if (auto earlier = store::idempotency::find(c, author.id, *in.idempotency_key, now - kIdempotencyWindowMs))
      if (auto s = store::statuses::find(c, *earlier)) return *s;

  auto media = attachments::attachable(c, author.id, in.media_ids);
  model::Status s;
  s.id = next_id();
  s.account_id = author.id;
  s.local = true;
  s.uri = status_uri(ctx.config.base_url(), author, s.id);
  s.url = status_url(ctx.config.base_url(), author, s.id);
  s.text = in.text;
  s.spoiler_text = std::string(text::strip(in.spoiler_text));
  s.visibility = chosen_visibility(c, author, in.visibility);
  s.language = preferred_language(c, author, in.language);
  s.application_id = in.application_id;
  s.created_at = s.updated_at = now;

  bool default_sensitive = false;
  if (auto user = store::accounts::find_user_by_account(c, author.id))
    default_sensitive = model::parse_preferences(user->preferences_json).default_sensitive;
  s.sensitive = in.sensitive.value_or(default_sensitive) || !s.spoiler_text.empty();

  if (in.in_reply_to_id) {
    auto parent = store::statuses::find(c, *in.in_reply_to_id);
    if (!parent || parent->reblog() || !visibility::visible(c, author.id, *parent))
      throw Error::not_found("The post you are trying to reply to does not appear to exist.");
    s.in_reply_to_id = parent->id;
    s.in_reply_to_account_id = parent->account_id;
    s.conversation_id = parent->conversation_id;
  }
  if (!s.conversation_id) s.conversation_id = store::statuses::new_conversation(c, now);

  auto formatted = format_status_text(c, ctx, s.text);
  s.content = formatted.html;
  std::vector<int64_t> mentioned_ids;
  for (const auto& a : formatted.mentioned) mentioned_ids.push_back(a.id);

  if (in.poll) s.poll_id = next_id();  // the poll row refers to the status, so it follows it
  store::statuses::insert(c, s, mentioned_ids, tag_ids(c, s.text, now));
  store::status_links::add(c, s.id, links_in(s.text));
  std::vector<int64_t> media_ids;
  for (const auto& m : media) media_ids.push_back(m.id);
  store::media_attachments::attach_to_status(c, s.id, media_ids, now);
  if (in.poll) create_poll(c, *s.poll_id, s.id, author.id, normalized(*in.poll), now);
  if (in.idempotency_key) store::idempotency::remember(c, author.id, *in.idempotency_key, s.id, now);

  std::vector<int64_t> local_readers;  // mentioned members who may see it
  for (const auto& a : formatted.mentioned)
    if (a.local() && a.id != author.id && visibility::visible(c, a.id, s)) {
      local_readers.push_back(a.id);
      notify(c, a.id, author.id, "mention", now, s.id);
    }
  fan_out(c, s, local_readers);
  add_direct_status(c, s, mentioned_ids, local_readers, now);
  // Followers who asked for it hear of new posts, but not of direct ones or replies to others.
  if (s.visibility != model::Visibility::direct && (!s.in_reply_to_account_id || *s.in_reply_to_account_id == author.id))
    for (int64_t follower : store::follows::notified_local_follower_ids(c, author.id))
      notify(c, follower, author.id, "status", now, s.id);
  outbound::status_created(c, ctx, s, author);
  return s;
}

model::StatusView delete_status(Context& ctx, const model::Account& author, int64_t status_id, bool delete_media) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto deleted = store::in_transaction(c, [&] {
    auto s = store::statuses::find(c, status_id);
    if (!s || s->account_id != author.id || s->reblog()) throw Error::not_found();
    auto view = load_status_view(c, author.id, *s);
    stream_events::status_deleted(c, *s);
    // Kept for a redraft unless asked otherwise (Mastodon's delete_media): the
    // rows come loose with the status and are removed a day later if unused.
    if (delete_media) {
      attachments::remove_for_status(c, s->id);
    } else {
      for (const auto& m : store::media_attachments::all_of_status(c, s->id))
        jobs::enqueue(c, {"remove_unattached_media", {{"media_attachment_id", m.id}}, "default",
                          attachments::kUnattachedGraceMs + 60'000, 3});
    }
    store::statuses::remove(c, *s);
    remove_direct_status(c, *s, now_ms());
    outbound::status_deleted(c, ctx, view);
    return view;
  });
  return deleted;
}

}  // namespace agora::services

namespace agora::services {

model::StatusView show_status(Context& ctx, std::optional<int64_t> viewer, int64_t id) {
  auto lease = ctx.db.acquire();
  return load_status_view(*lease, viewer, visibility::require_visible(*lease, viewer, id));
}

std::vector<model::StatusView> show_statuses(Context& ctx, std::optional<int64_t> viewer,
                                             const std::vector<int64_t>& ids) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto found = store::statuses::find_many(c, ids);
  std::vector<model::Status> ordered;
  for (int64_t id : ids)
    for (const auto& s : found)
      if (s.id == id) ordered.push_back(s);
  std::vector<int64_t> original_ids;
  for (const auto& s : ordered)
    if (s.reblog_of_id) original_ids.push_back(*s.reblog_of_id);
  auto originals = store::statuses::find_many(c, original_ids);
  return load_status_views(c, viewer, visibility::visible(c, viewer, ordered, originals));
}

}  // namespace agora::services
