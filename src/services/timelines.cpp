#include "services/timelines.h"

#include <algorithm>

#include "core/errors.h"
#include "core/strings.h"
#include "core/time.h"
#include "services/instance.h"
#include "services/status_pages.h"
#include "store/feeds.h"
#include "store/status_links.h"
#include "store/timelines.h"
#include "text/hashtags.h"

namespace agora::services {

namespace {

constexpr size_t kTagsPerMode = 4;  // Mastodon's TagFeed::LIMIT_PER_MODE
constexpr size_t kMaxTagLength = 256;

// Timelines page by status id; as Mastodon's timeline controllers, the next
// link is given whenever the page is not empty.
StatusPage page_of(store::Connection& c, std::optional<int64_t> viewer, const std::vector<int64_t>& ids,
                   int limit) {
  std::vector<StatusRow> rows;
  for (int64_t id : ids) rows.push_back({id, id});
  auto page = status_page(c, viewer, rows, limit);
  if (!rows.empty()) page.next_max_id = rows.back().row_id;
  return page;
}

store::timelines::PublicFilter filter_of(const PublicTimelineOptions& o) {
  return {.local_only = o.local, .remote_only = o.remote, .only_media = o.only_media};
}

std::string normalized_tag(std::string_view name) {
  if (!name.empty() && name.front() == '#') name.remove_prefix(1);
  return text::normalize_hashtag(name.substr(0, kMaxTagLength));
}

// The first few names of a mode, normalised, without repeats.
std::vector<std::string> tag_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (size_t i = 0; i < names.size() && i < kTagsPerMode; ++i) {
    auto name = normalized_tag(names[i]);
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

}  // namespace

void require_timeline_access(Context& ctx, const std::optional<Auth>& auth) {
  if (auth && auth->user && auth->account) return;
  auto conn = ctx.db.acquire();
  if (!instance_settings(*conn).timeline_preview)
    throw Error::unprocessable("This method requires an authenticated user");
}

StatusPage home_timeline(Context& ctx, const model::Account& viewer, const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto ids = store::feeds::page(*conn, viewer.id, store::feeds::Kind::home, viewer.id, page, now_ms());
  return page_of(*conn, viewer.id, ids, page.limit);
}

StatusPage list_timeline(Context& ctx, const model::Account& viewer, int64_t list_id, const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  if (!store::timelines::owns_list(*conn, viewer.id, list_id)) throw Error::not_found();
  auto ids = store::feeds::page(*conn, list_id, store::feeds::Kind::list, viewer.id, page, now_ms());
  return page_of(*conn, viewer.id, ids, page.limit);
}

StatusPage public_timeline(Context& ctx, std::optional<int64_t> viewer, const PublicTimelineOptions& options,
                           const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto ids = store::timelines::public_page(*conn, viewer, filter_of(options), page, now_ms());
  return page_of(*conn, viewer, ids, page.limit);
}

StatusPage tag_timeline(Context& ctx, std::optional<int64_t> viewer, const std::string& hashtag,
                        const TagTimelineOptions& options, const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto main = store::timelines::tag_ids(*conn, {normalized_tag(hashtag)});
  if (main.empty()) return {};
  auto any = store::timelines::tag_ids(*conn, tag_names(options.any));
  if (std::find(any.begin(), any.end(), main.front()) == any.end()) any.insert(any.begin(), main.front());
  auto all_names = tag_names(options.all);
  auto all = store::timelines::tag_ids(*conn, all_names);
  if (all.size() < all_names.size()) return {};  // a tag nobody used: no status has it
  auto none = store::timelines::tag_ids(*conn, tag_names(options.none));
  auto filter = filter_of(options);
  filter.with_replies = true;
  auto ids = store::timelines::tag_page(*conn, viewer, any, all, none, filter, page, now_ms());
  return page_of(*conn, viewer, ids, page.limit);
}

StatusPage link_timeline(Context& ctx, std::optional<int64_t> viewer, const std::string& url,
                         const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  if (url.empty() || url.size() > store::status_links::kMaxUrlLength || !store::timelines::link_known(*conn, url)) throw Error::not_found();
  auto ids = store::timelines::link_page(*conn, viewer, url, page, now_ms());
  return page_of(*conn, viewer, ids, page.limit);
}

}  // namespace agora::services
