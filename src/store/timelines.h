// The timelines read from statuses rather than from a feed: public (local,
// remote), hashtag and link timelines; and whose a list is.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::timelines {

// Mastodon's PublicFeed options.
struct PublicFilter {
  bool local_only = false;
  bool remote_only = false;
  bool only_media = false;
  bool with_replies = false;  // replies to others (the public timeline leaves them out, tag timelines keep them)
};

// Public, original (no boosts) statuses of accounts neither suspended nor
// silenced, newest first; without the viewer's exclusions when signed in
// (blocked domains only when not local only, as Mastodon).
std::vector<int64_t> public_page(Connection& c, std::optional<int64_t> viewer, const PublicFilter& filter,
                                 const model::PageRequest& page, int64_t now_ms);

// Tag ids by normalised name (those that exist).
std::vector<int64_t> tag_ids(Connection& c, const std::vector<std::string>& names);

// As public_page, for statuses with any of `any_tag_ids`, all of
// `all_tag_ids` and none of `none_tag_ids`.
std::vector<int64_t> tag_page(Connection& c, std::optional<int64_t> viewer, const std::vector<int64_t>& any_tag_ids,
                              const std::vector<int64_t>& all_tag_ids, const std::vector<int64_t>& none_tag_ids,
                              const PublicFilter& filter, const model::PageRequest& page, int64_t now_ms);

// Whether any status links to `url`; and as public_page, statuses that do.
bool link_known(Connection& c, const std::string& url);
std::vector<int64_t> link_page(Connection& c, std::optional<int64_t> viewer, const std::string& url,
                               const model::PageRequest& page, int64_t now_ms);

// True when list `list_id` belongs to `account_id`.
bool owns_list(Connection& c, int64_t account_id, int64_t list_id);

}  // namespace agora::store::timelines
