#include "services/admin_announcements.h"

#include <algorithm>

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/stream_events.h"
#include "store/admin_action_logs.h"
#include "store/announcements.h"

namespace agora::services::admin_announcements {

namespace {

constexpr size_t kSummaryLength = 80;

void require_permission(const Staff& staff) { authorize(can(staff, model::Permission::manage_announcements)); }

model::Announcement require(store::Connection& c, int64_t id) {
  auto a = store::announcements::find(c, id);
  if (!a) throw Error::not_found();
  return *a;
}

void log(store::Connection& c, const Staff& staff, const std::string& action, const model::Announcement& a,
         int64_t now) {
  std::string summary = a.text.substr(0, kSummaryLength);
  store::admin_action_logs::record(c, staff.account.id, action, "Announcement", a.id, summary, now);
}

void assign(model::Announcement& a, const Fields& in) {
  a.text = in.content.text;
  a.starts_at = in.content.starts_at;
  a.ends_at = in.content.ends_at;
  a.all_day = in.content.all_day;
  a.scheduled_at = a.published ? std::nullopt : in.scheduled_at;
}

// A scheduled one is published by a job at its time; the job checks again,
// so a schedule moved or cleared meanwhile publishes nothing early.
void enqueue_if_scheduled(store::Connection& c, const model::Announcement& a, int64_t now) {
  if (a.published || !a.scheduled_at) return;
  jobs::enqueue(c, {.kind = "publish_scheduled_announcement",
                    .payload = {{"announcement_id", a.id}},
                    .delay_ms = std::max<int64_t>(0, *a.scheduled_at - now)});
}

void mark_published(model::Announcement& a, int64_t now) {
  a.published = true;
  a.published_at = now;
  a.scheduled_at = std::nullopt;
  a.updated_at = now;
}

model::Announcement rendered(Context& ctx, const Staff& staff, model::Announcement a) {
  std::vector<model::Announcement> one{std::move(a)};
  announcements::complete(ctx, one, staff.account.id);
  return one.front();
}

}  // namespace

std::vector<model::Announcement> list(Context& ctx, const Staff& staff) {
  require_permission(staff);
  auto all = announcements::all(ctx);
  announcements::complete(ctx, all, staff.account.id);
  return all;
}

model::Announcement show(Context& ctx, const Staff& staff, int64_t id) {
  require_permission(staff);
  model::Announcement a;
  {
    auto conn = ctx.db.acquire();
    a = require(*conn, id);
  }
  return rendered(ctx, staff, std::move(a));
}

model::Announcement create(Context& ctx, const Staff& staff, const Fields& in) {
  require_permission(staff);
  announcements::validate(in.content);
  int64_t now = now_ms();
  model::Announcement a;
  a.id = next_id();
  a.created_at = a.updated_at = now;
  assign(a, in);
  if (!a.scheduled_at || *a.scheduled_at <= now) mark_published(a, now);
  {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      store::announcements::insert(*conn, a);
      log(*conn, staff, "create", a, now);
      enqueue_if_scheduled(*conn, a, now);
      if (a.published) stream_events::announcement_published(*conn, a.id);
    });
  }
  return rendered(ctx, staff, std::move(a));
}

model::Announcement update(Context& ctx, const Staff& staff, int64_t id, const Fields& in) {
  require_permission(staff);
  announcements::validate(in.content);
  int64_t now = now_ms();
  model::Announcement a;
  {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      a = require(*conn, id);
      assign(a, in);
      a.updated_at = now;
      store::announcements::update(*conn, a);
      log(*conn, staff, "update", a, now);
      enqueue_if_scheduled(*conn, a, now);
      if (a.published) stream_events::announcement_published(*conn, a.id);
    });
  }
  return rendered(ctx, staff, std::move(a));
}

model::Announcement publish(Context& ctx, const Staff& staff, int64_t id) {
  require_permission(staff);
  int64_t now = now_ms();
  model::Announcement a;
  {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      a = require(*conn, id);
      if (a.published) return;
      mark_published(a, now);
      store::announcements::update(*conn, a);
      log(*conn, staff, "publish", a, now);
      stream_events::announcement_published(*conn, a.id);
    });
  }
  return rendered(ctx, staff, std::move(a));
}

model::Announcement unpublish(Context& ctx, const Staff& staff, int64_t id) {
  require_permission(staff);
  int64_t now = now_ms();
  model::Announcement a;
  {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      a = require(*conn, id);
      if (!a.published && !a.scheduled_at) return;
      bool was_published = a.published;
      a.published = false;
      a.scheduled_at = std::nullopt;
      a.updated_at = now;
      store::announcements::update(*conn, a);
      log(*conn, staff, "unpublish", a, now);
      if (was_published) stream_events::announcement_deleted(*conn, a.id);
    });
  }
  return rendered(ctx, staff, std::move(a));
}

void destroy(Context& ctx, const Staff& staff, int64_t id) {
  require_permission(staff);
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto a = require(*conn, id);
    store::announcements::remove(*conn, id);
    log(*conn, staff, "destroy", a, now_ms());
    if (a.published) stream_events::announcement_deleted(*conn, id);
  });
}

void publish_scheduled(Context& ctx, int64_t id) {
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    auto a = store::announcements::find(*conn, id);
    if (!a || a->published || !a->scheduled_at || *a->scheduled_at > now) return;  // unpublished, moved, gone
    mark_published(*a, now);
    store::announcements::update(*conn, *a);
    stream_events::announcement_published(*conn, a->id);
  });
}

}  // namespace agora::services::admin_announcements
