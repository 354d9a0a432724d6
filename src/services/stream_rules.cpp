#include "services/stream_rules.h"

#include "core/errors.h"
#include "services/announcements.h"
#include "services/notifications.h"
#include "services/visibility.h"
#include "store/follows.h"
#include "store/timelines.h"

namespace agora::services::stream_rules {

namespace {

// The page of a timeline holding exactly `id` (both bounds exclusive).
model::PageRequest only(int64_t id) {
  model::PageRequest page;
  page.max_id = id + 1;
  page.since_id = id - 1;
  page.limit = 1;
  return page;
}

std::optional<model::StatusView> first(StatusPage page, int64_t id) {
  for (auto& v : page.items)
    if (v.status.id == id) return std::move(v);
  return std::nullopt;
}

}  // namespace

std::optional<model::StatusView> on_timeline(Context& ctx, const model::Account& viewer, const Timeline& t,
                                             int64_t status_id) {
  using Kind = Timeline::Kind;
  try {
    switch (t.kind) {
      case Kind::home:
        return first(home_timeline(ctx, viewer, only(status_id)), status_id);
      case Kind::list:
        return first(list_timeline(ctx, viewer, t.list_id, only(status_id)), status_id);
      case Kind::public_:
        return first(public_timeline(ctx, viewer.id, t.options, only(status_id)), status_id);
      case Kind::hashtag: {
        TagTimelineOptions options;
        static_cast<PublicTimelineOptions&>(options) = t.options;
        return first(tag_timeline(ctx, viewer.id, t.tag, options, only(status_id)), status_id);
      }
    }
  } catch (const Error&) {
    // The list is gone, …: nothing to show.
  }
  return std::nullopt;
}

bool may_have_seen(Context& ctx, const model::Account& viewer, const DeletedStatus& s) {
  visibility::Facts facts;
  facts.signed_in = true;
  facts.own = viewer.id == s.account_id;
  facts.mentioned = std::find(s.mentioned.begin(), s.mentioned.end(), viewer.id) != s.mentioned.end();
  if (s.visibility == model::Visibility::private_ && !facts.own && !facts.mentioned) {
    auto conn = ctx.db.acquire();
    facts.follows_author = store::follows::find(*conn, store::follows::Table::follows, viewer.id, s.account_id).has_value();
  }
  return visibility::may_see(s.visibility, facts);
}

std::optional<model::NotificationView> notification(Context& ctx, const model::Account& viewer, int64_t id) {
  try {
    return services::notification(ctx, viewer, id);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::optional<ConversationView> conversation(Context& ctx, const model::Account& viewer, int64_t status_id) {
  auto page = list_conversations(ctx, viewer, only(status_id));
  if (page.items.empty()) return std::nullopt;
  return std::move(page.items.front());
}

std::optional<model::Announcement> announcement(Context& ctx, const model::Account& viewer, int64_t id) {
  for (auto& a : announcements::active(ctx, viewer, true))
    if (a.id == id) return std::move(a);
  return std::nullopt;
}

bool owns_list(Context& ctx, const model::Account& viewer, int64_t list_id) {
  auto conn = ctx.db.acquire();
  return store::timelines::owns_list(*conn, viewer.id, list_id);
}

}  // namespace agora::services::stream_rules
