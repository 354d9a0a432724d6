#include "services/scheduled_statuses.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/errors.h"
#include "core/log.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/media.h"
#include "store/media_attachments.h"
#include "store/accounts.h"
#include "store/scheduled_statuses.h"

namespace agora::services {

namespace json = boost::json;

namespace {

json::value opt(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

// The request as Mastodon keeps it in ScheduledStatus#params (same keys, same order).
std::string params_of(const NewStatus& s) {
  json::value media = nullptr;
  if (!s.media_ids.empty()) {
    json::array ids;
    for (int64_t id : s.media_ids) ids.emplace_back(std::to_string(id));
    media = ids;
  }
  json::value poll = nullptr;
  if (s.poll) {
    json::array options;
    for (const auto& o : s.poll->options) options.emplace_back(o);
    poll = json::object{{"options", options},
                        {"expires_in", s.poll->expires_in ? json::value(*s.poll->expires_in) : json::value(nullptr)},
                        {"multiple", s.poll->multiple},
                        {"hide_totals", s.poll->hide_totals}};
  }
  json::object p{
      {"text", s.text},
      {"media_ids", media},
      {"sensitive", s.sensitive ? json::value(*s.sensitive) : json::value(nullptr)},
      {"spoiler_text", s.spoiler_text.empty() ? json::value(nullptr) : json::value(s.spoiler_text)},
      {"visibility", opt(s.visibility)},
      {"language", opt(s.language)},
      {"scheduled_at", nullptr},
      {"poll", poll},
      {"idempotency", opt(s.idempotency_key)},
      {"with_rate_limit", false},
      {"in_reply_to_id", s.in_reply_to_id ? json::value(std::to_string(*s.in_reply_to_id)) : json::value(nullptr)},
      {"application_id", s.application_id ? json::value(*s.application_id) : json::value(nullptr)},
  };
  return json::serialize(p);
}

std::optional<std::string> string_at(const json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return std::nullopt;
  return std::string(it->value().as_string());
}

std::optional<int64_t> int_at(const json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_string()) try {
      return std::stoll(std::string(it->value().as_string()));
    } catch (const std::exception&) {
    }
  return std::nullopt;
}

NewStatus status_from_params(const std::string& text) {
  auto v = json::parse(text);
  const auto& o = v.as_object();
  NewStatus s;
  s.text = string_at(o, "text").value_or("");
  s.spoiler_text = string_at(o, "spoiler_text").value_or("");
  if (auto it = o.find("sensitive"); it != o.end() && it->value().is_bool()) s.sensitive = it->value().as_bool();
  s.visibility = string_at(o, "visibility");
  s.language = string_at(o, "language");
  s.in_reply_to_id = int_at(o, "in_reply_to_id");
  s.application_id = int_at(o, "application_id");
  if (auto it = o.find("media_ids"); it != o.end() && it->value().is_array())
    for (const auto& id : it->value().as_array())
      if (id.is_string()) s.media_ids.push_back(std::stoll(std::string(id.as_string())));
  if (auto it = o.find("poll"); it != o.end() && it->value().is_object()) {
    const auto& p = it->value().as_object();
    NewPoll poll;
    if (auto opts = p.find("options"); opts != p.end() && opts->value().is_array())
      for (const auto& option : opts->value().as_array())
        if (option.is_string()) poll.options.emplace_back(option.as_string());
    poll.expires_in = int_at(p, "expires_in");
    poll.multiple = p.contains("multiple") && p.at("multiple").is_bool() && p.at("multiple").as_bool();
    poll.hide_totals = p.contains("hide_totals") && p.at("hide_totals").is_bool() && p.at("hide_totals").as_bool();
    s.poll = poll;
  }
  return s;
}

// ScheduledStatusValidator: far enough ahead, and within the limits.
int64_t checked_time(store::Connection& c, int64_t account_id, const std::optional<std::string>& text,
                     int64_t now, int64_t except_id = 0) {
  std::optional<int64_t> at = text ? parse_iso8601(*text) : std::nullopt;
  if (!at || *at <= now + kMinScheduleOffsetMs)
    throw Error::unprocessable("Validation failed: Scheduled at The scheduled date must be in the future");
  if (store::scheduled_statuses::count(c, account_id) - (except_id ? 1 : 0) >= kMaxScheduledStatuses)
    throw Error::unprocessable("Validation failed: You have exceeded the limit of " +
                               std::to_string(kMaxScheduledStatuses) + " scheduled posts");
  if (store::scheduled_statuses::count_on_day(c, account_id, *at, except_id) >= kMaxScheduledPerDay)
    throw Error::unprocessable("Validation failed: You have exceeded the limit of " +
                               std::to_string(kMaxScheduledPerDay) + " scheduled posts for today");
  return *at;
}

void enqueue_publication(store::Connection& c, const model::ScheduledStatus& s, int64_t now) {
  jobs::enqueue(c, {.kind = "publish_scheduled_status",
                    .payload = {{"scheduled_status_id", s.id}},
                    .delay_ms = std::max<int64_t>(0, s.scheduled_at - now)});
}

// The attachments waiting with these scheduled statuses, in one query.
void load_media(store::Connection& c, std::vector<model::ScheduledStatus>& statuses) {
  std::vector<int64_t> ids;
  for (const auto& s : statuses) ids.push_back(s.id);
  for (auto& m : store::media_attachments::for_scheduled(c, ids))
    for (auto& s : statuses)
      if (s.id == m.scheduled_status_id) s.media.push_back(m);
}

model::ScheduledStatus owned(store::Connection& c, const model::Account& owner, int64_t id) {
  auto s = store::scheduled_statuses::find(c, id);
  if (!s || s->account_id != owner.id) throw Error::not_found();
  std::vector<model::ScheduledStatus> one{*s};
  load_media(c, one);
  return one.front();
}

}  // namespace

PostOutcome post_or_schedule(Context& ctx, const model::Account& author, const NewStatus& status,
                             const std::optional<std::string>& scheduled_at) {
  int64_t now = now_ms();
  // Mastodon posts at once what is due within the next five minutes (or is
  // already past); an unreadable time is refused.
  if (scheduled_at && !scheduled_at->empty()) {
    auto at = parse_iso8601(*scheduled_at);
    if (!at) throw Error::unprocessable("Validation failed: Scheduled at The scheduled date must be in the future");
    if (*at > now + kMinScheduleOffsetMs) {
      auto lease = ctx.db.acquire();
      auto& c = *lease;
      validate_status(c, status);
      return store::in_transaction(c, [&] {
        auto media = attachments::attachable(c, author.id, status.media_ids);
        model::ScheduledStatus s{next_id(), author.id, checked_time(c, author.id, scheduled_at, now),
                                 params_of(status), now};
        store::scheduled_statuses::insert(c, s);
        std::vector<int64_t> media_ids;
        for (const auto& m : media) media_ids.push_back(m.id);
        store::media_attachments::attach_to_scheduled(c, s.id, media_ids, now);
        s.media = media;
        enqueue_publication(c, s, now);
        return PostOutcome(s);
      });
    }
  }
  return post_status(ctx, author, status);
}

model::Paginated<model::ScheduledStatus> scheduled_statuses(Context& ctx, const model::Account& owner,
                                                            const model::PageRequest& page) {
  auto lease = ctx.db.acquire();
  model::Paginated<model::ScheduledStatus> out;
  out.items = store::scheduled_statuses::page(*lease, owner.id, page);
  load_media(*lease, out.items);
  if (!out.items.empty()) {
    out.prev_since_id = out.items.front().id;
    if (out.items.size() == static_cast<size_t>(page.limit)) out.next_max_id = out.items.back().id;
  }
  return out;
}

model::ScheduledStatus scheduled_status(Context& ctx, const model::Account& owner, int64_t id) {
  auto lease = ctx.db.acquire();
  return owned(*lease, owner, id);
}

model::ScheduledStatus reschedule_status(Context& ctx, const model::Account& owner, int64_t id,
                                         const std::optional<std::string>& scheduled_at) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  return store::in_transaction(c, [&] {
    auto s = owned(c, owner, id);
    if (!scheduled_at) return s;  // nothing to change
    int64_t now = now_ms();
    s.scheduled_at = checked_time(c, owner.id, scheduled_at, now, s.id);
    store::scheduled_statuses::reschedule(c, s.id, s.scheduled_at);
    // The job of the old time finds it not yet due and leaves it to this one.
    enqueue_publication(c, s, now);
    return s;
  });
}

void cancel_scheduled_status(Context& ctx, const model::Account& owner, int64_t id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    owned(c, owner, id);
    store::scheduled_statuses::remove(c, id);
  });
}

void publish_scheduled_status(Context& ctx, int64_t id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  try {
    store::in_transaction(c, [&] {
      auto s = store::scheduled_statuses::find(c, id);
      if (!s || s->scheduled_at > now_ms()) return;  // cancelled, posted, or moved later
      if (!store::scheduled_statuses::remove(c, id)) return;
      auto author = store::accounts::find(c, s->account_id);
      if (!author || author->suspended_at) return;
      post_status_in(c, ctx, *author, status_from_params(s->params_json));
    });
  } catch (const Error& e) {
    // It can no longer be posted (the status it replies to is gone, …): Mastodon drops it.
    log::warn("scheduled status {} dropped: {}", id, e.message());
    store::in_transaction(c, [&] { store::scheduled_statuses::remove(c, id); });
  }
}

}  // namespace agora::services
