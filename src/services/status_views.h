// Loading what a Status entity renders, for many statuses and one viewer in
// a fixed number of queries (never one per status): authors, boosted
// statuses, mentions, tags, applications, polls and the viewer's own state.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/status.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

// In the order of `statuses`. The caller decides visibility first (see
// services/visibility.h); boosted statuses are loaded here.
std::vector<model::StatusView> load_status_views(store::Connection& c, std::optional<int64_t> viewer,
                                                 const std::vector<model::Status>& statuses);
// The same when the caller already loaded the boosted statuses (`boosted`,
// in any order; a page needs them to decide visibility).
std::vector<model::StatusView> load_status_views(store::Connection& c, std::optional<int64_t> viewer,
                                                 const std::vector<model::Status>& statuses,
                                                 const std::vector<model::Status>& boosted);
// One status rendered alone (show, actions): a boost carries the viewer's
// favourited/reblogged/bookmarked/muted of the boosted status, as Mastodon renders it.
model::StatusView load_status_view(store::Connection& c, std::optional<int64_t> viewer, const model::Status& status);

}  // namespace agora::services
