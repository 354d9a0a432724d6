// Mastodon's timelines: home and list feeds (filled on write, see
// services/fanout.h), and the public, hashtag and link timelines read from
// statuses. Each page is thinned by visibility and carries Mastodon's cursors.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/pagination.h"
#include "model/status.h"
#include "services/auth.h"
#include "services/context.h"

namespace agora::services {

struct PublicTimelineOptions {
  bool local = false;
  bool remote = false;
  bool only_media = false;
};

struct TagTimelineOptions : PublicTimelineOptions {
  std::vector<std::string> any, all, none;  // more hashtags, at most 4 of each (Mastodon's LIMIT_PER_MODE)
};

using StatusPage = model::Paginated<model::StatusView>;

// Mastodon 4.3's timeline_preview setting: when off, the public, hashtag and
// link timelines need a signed-in member (422 otherwise, as require_user!).
void require_timeline_access(Context& ctx, const std::optional<Auth>& auth);

StatusPage home_timeline(Context& ctx, const model::Account& viewer, const model::PageRequest& page);
// 404 unless the list is the viewer's.
StatusPage list_timeline(Context& ctx, const model::Account& viewer, int64_t list_id, const model::PageRequest& page);
StatusPage public_timeline(Context& ctx, std::optional<int64_t> viewer, const PublicTimelineOptions& options,
                           const model::PageRequest& page);
// Empty when the hashtag is unknown.
StatusPage tag_timeline(Context& ctx, std::optional<int64_t> viewer, const std::string& hashtag,
                        const TagTimelineOptions& options, const model::PageRequest& page);
// 404 when no status links to `url`.
StatusPage link_timeline(Context& ctx, std::optional<int64_t> viewer, const std::string& url,
                         const model::PageRequest& page);

}  // namespace agora::services
