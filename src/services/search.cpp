#include "services/search.h"

#include "services/account_lookup.h"
#include "services/hashtags.h"
#include "services/status_search.h"

namespace agora::services {

SearchResults search(Context& ctx, const SearchRequest& r) {
  SearchResults out;
  const std::string& q = r.query;
  bool any = r.type.empty();
  // As Mastodon: "#word" is no account, a handle with spaces is no account, and nothing with '@' is a hashtag.
  bool accounts = (any || r.type == "accounts") && !q.starts_with('#') &&
                  !(q.find('@') != std::string::npos && q.find(' ') != std::string::npos);
  bool statuses = any || r.type == "statuses";
  bool hashtags = (any || r.type == "hashtags") && q.find('@') == std::string::npos;

  if (accounts)
    out.accounts = search_accounts(ctx, {.query = q,
                                         .limit = r.limit,
                                         .offset = r.offset,
                                         .following = r.viewer && r.following,
                                         .viewer = r.viewer.value_or(0)});
  if (statuses)
    out.statuses = search_statuses(ctx, r.viewer, {q, r.account_id, r.min_id, r.max_id, r.limit, r.offset});
  if (hashtags) out.hashtags = search_hashtags(ctx, r.viewer, {q, r.exclude_unreviewed, r.limit, r.offset});
  return out;
}

}  // namespace agora::services
