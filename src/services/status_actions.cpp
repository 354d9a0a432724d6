#include "services/status_actions.h"


#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/fanout.h"
#include "services/notify.h"
#include "services/outbound_statuses.h"
#include "services/status_views.h"
#include "services/stream_events.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/blocks.h"
#include "store/notifications.h"
#include "store/status_interactions.h"
#include "store/statuses.h"

namespace agora::services {

namespace {

// The status a boost points at, or the status itself.
model::Status proper(store::Connection& c, const model::Status& s) {
  if (!s.reblog_of_id) return s;
  auto original = store::statuses::find(c, *s.reblog_of_id);
  if (!original) throw Error::not_found();
  return *original;
}

// Runs `change` on the visible status `status_id` in a transaction, then
// renders the status as the member now sees it.
template <class F>
model::StatusView act(Context& ctx, const model::Account& member, int64_t status_id, F&& change) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  return store::in_transaction(c, [&] {
    auto shown = change(c, visibility::require_visible(c, member.id, status_id));
    auto now = store::statuses::find(c, shown.id);
    if (!now) throw Error::not_found();
    return load_status_view(c, member.id, *now);
  });
}

// Undoing: when the member's row exists the status need not be visible any
// more (Mastodon looks the row up first); otherwise it must be.
template <class F>
model::StatusView undo(Context& ctx, const model::Account& member, int64_t status_id, F&& remove) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  return store::in_transaction(c, [&] {
    auto s = store::statuses::find(c, status_id);
    if (!s || !remove(c, proper(c, *s))) s = visibility::require_visible(c, member.id, status_id);
    auto now = store::statuses::find(c, s->id);
    if (!now) throw Error::not_found();
    return load_status_view(c, member.id, *now);
  });
}

bool blocks(store::Connection& c, int64_t account_id, int64_t target_id) {
  return store::blocks::exists(c, account_id, target_id);
}

std::string reblog_uri(const std::string& base_url, const model::Account& member, int64_t id) {
  return base_url + "/users/" + member.username + "/statuses/" + std::to_string(id) + "/activity";
}

model::Visibility reblog_visibility(store::Connection& c, const model::Account& member, const model::Status& original,
                                    const std::optional<std::string>& asked) {
  // Followers-only statuses are boosted as such (only their author can).
  if (original.visibility == model::Visibility::private_ || original.visibility == model::Visibility::direct)
    return original.visibility;
  std::string name;
  if (asked && !asked->empty()) {
    name = *asked;
  } else {
    auto user = store::accounts::find_user_by_account(c, member.id);
    name = model::default_visibility(user ? model::parse_preferences(user->preferences_json) : model::Preferences{},
                                     member);
  }
  auto v = model::parse_visibility(name);
  if (!v) throw Error::unprocessable("Validation failed: Visibility is not included in the list");
  if (*v == model::Visibility::direct || *v == model::Visibility::limited)
    throw Error::unprocessable("Validation failed: Visibility is reserved");
  if (*v == model::Visibility::public_ && member.silenced_at) return model::Visibility::unlisted;
  return *v;
}

}  // namespace

model::StatusView favourite(Context& ctx, const model::Account& member, int64_t status_id) {
  return act(ctx, member, status_id, [&](store::Connection& c, const model::Status& s) {
    auto target = proper(c, s);
    if (blocks(c, member.id, target.account_id)) throw Error::forbidden();
    int64_t now = now_ms();
    if (store::favourites::insert(c, member.id, target.id, now)) {
      notify(c, target.account_id, member.id, "favourite", now, target.id);
      outbound::favourited(c, member, target);
    }
    return s;
  });
}

model::StatusView unfavourite(Context& ctx, const model::Account& member, int64_t status_id) {
  return undo(ctx, member, status_id, [&](store::Connection& c, const model::Status& target) {
    if (!store::favourites::remove(c, member.id, target.id)) return false;
    store::notifications::remove_about_status(c, target.account_id, member.id, "favourite", target.id);
    outbound::unfavourited(c, member, target);
    return true;
  });
}

model::StatusView reblog(Context& ctx, const model::Account& member, int64_t status_id,
                         const std::optional<std::string>& visibility) {
  return act(ctx, member, status_id, [&](store::Connection& c, const model::Status& s) {
    auto original = proper(c, s);
    bool own = original.account_id == member.id;
    // Mastodon's StatusPolicy#reblog?
    if (original.visibility == model::Visibility::direct || original.visibility == model::Visibility::limited ||
        (original.visibility == model::Visibility::private_ && !own) || blocks(c, member.id, original.account_id))
      throw Error::forbidden();
    if (auto existing = store::statuses::find_reblog(c, member.id, original.id)) return *existing;

    model::Status boost;
    boost.id = next_id();
    boost.account_id = member.id;
    boost.local = true;
    boost.uri = boost.url = reblog_uri(ctx.config.base_url(), member, boost.id);
    boost.visibility = reblog_visibility(c, member, original, visibility);
    boost.reblog_of_id = original.id;
    boost.created_at = boost.updated_at = now_ms();
    store::statuses::insert(c, boost, {}, {});
    fan_out(c, boost, {});
    notify(c, original.account_id, member.id, "reblog", boost.created_at, original.id);
    outbound::reblogged(c, boost, member, original);
    return boost;
  });
}

model::StatusView unreblog(Context& ctx, const model::Account& member, int64_t status_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  return store::in_transaction(c, [&] {
    model::Status shown;
    if (auto boost = store::statuses::find_reblog(c, member.id, status_id)) {
      stream_events::status_deleted(c, *boost);
      store::statuses::remove(c, *boost);
      auto original = store::statuses::find(c, status_id);
      if (!original) throw Error::not_found();
      store::notifications::remove_about_status(c, original->account_id, member.id, "reblog", original->id);
      outbound::unreblogged(c, *boost, member, *original);
      shown = *original;
    } else {
      shown = visibility::require_visible(c, member.id, status_id);
    }
    return load_status_view(c, member.id, shown);
  });
}

model::StatusView bookmark(Context& ctx, const model::Account& member, int64_t status_id) {
  return act(ctx, member, status_id, [&](store::Connection& c, const model::Status& s) {
    store::bookmarks::insert(c, member.id, proper(c, s).id, now_ms());
    return s;
  });
}

model::StatusView unbookmark(Context& ctx, const model::Account& member, int64_t status_id) {
  return undo(ctx, member, status_id, [&](store::Connection& c, const model::Status& target) {
    return store::bookmarks::remove(c, member.id, target.id);
  });
}

model::StatusView pin(Context& ctx, const model::Account& member, int64_t status_id) {
  return act(ctx, member, status_id, [&](store::Connection& c, const model::Status& s) {
    // Mastodon's StatusPinValidator, its messages in its order.
    std::vector<std::string> errors;
    if (s.reblog()) errors.push_back("A boost cannot be pinned");
    if (s.account_id != member.id) errors.push_back("Someone else's post cannot be pinned");
    if (s.visibility == model::Visibility::direct)
      errors.push_back("Posts that are only visible to mentioned users cannot be pinned");
    if (store::status_pins::count(c, member.id) >= kMaxPinnedStatuses)
      errors.push_back("You have already pinned the maximum number of posts");
    if (!errors.empty()) {
      std::string message = "Validation failed: ";
      for (size_t i = 0; i < errors.size(); ++i) message += (i ? ", " : "") + errors[i];
      throw Error::unprocessable(message);
    }
    if (!store::status_pins::insert(c, member.id, s.id, now_ms())) throw Error::unprocessable("Duplicate record");
    return s;
  });
}

model::StatusView unpin(Context& ctx, const model::Account& member, int64_t status_id) {
  return act(ctx, member, status_id, [&](store::Connection& c, const model::Status& s) {
    store::status_pins::remove(c, member.id, s.id);
    return s;
  });
}

namespace {

template <class F>
model::StatusView change_thread_mute(Context& ctx, const model::Account& member, int64_t status_id, F&& change) {
  return act(ctx, member, status_id, [&](store::Connection& c, const model::Status& s) {
    auto thread = proper(c, s).conversation_id;
    if (!thread) throw Error::unprocessable("Mastodon::ValidationError");
    change(c, *thread);
    return s;
  });
}

}  // namespace

model::StatusView mute_conversation(Context& ctx, const model::Account& member, int64_t status_id) {
  return change_thread_mute(ctx, member, status_id, [&](store::Connection& c, int64_t thread) {
    store::conversation_mutes::insert(c, member.id, thread);
  });
}

model::StatusView unmute_conversation(Context& ctx, const model::Account& member, int64_t status_id) {
  return change_thread_mute(ctx, member, status_id, [&](store::Connection& c, int64_t thread) {
    store::conversation_mutes::remove(c, member.id, thread);
  });
}

}  // namespace agora::services
