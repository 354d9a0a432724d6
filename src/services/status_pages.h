// Turning rows read for a status list (a timeline, favourites, bookmarks …)
// into a page the viewer may see, with Mastodon's cursors.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "model/pagination.h"
#include "model/status.h"
#include "store/database.h"

namespace agora::services {

struct StatusRow {
  int64_t row_id = 0;     // what pages the list: the status id for timelines, the favourite's id for favourites
  int64_t status_id = 0;
};

// The statuses of `rows` (newest first, as read with `limit`) the viewer may
// see, loaded for rendering. The cursors come from the rows read, so a page
// thinned by visibility still leads on: next only when `limit` rows were read.
model::Paginated<model::StatusView> status_page(store::Connection& c, std::optional<int64_t> viewer,
                                                const std::vector<StatusRow>& rows, int limit);

}  // namespace agora::services
