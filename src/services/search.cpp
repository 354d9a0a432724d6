#include "services/search.h"

#include "services/account_lookup.h"
#include "services/hashtags.h"
#include "services/resolver.h"
#include "services/status_search.h"
#include "services/statuses.h"
#include "text/plain_text.h"

namespace agora::services {

namespace {

// A URL names one account or status (fetched when unknown); a remote handle
// is looked up through WebFinger so the account search below finds it.
std::optional<SearchResults> resolve_remote(Context& ctx, const SearchRequest& r) {
  std::string_view q = text::strip(r.query);
  if (q.starts_with("https://") || q.starts_with("http://")) {
    SearchResults out;
    std::string url(q);
    if (r.type.empty() || r.type == "accounts")
      if (auto account = resolver::account_by_uri(ctx, url)) {
        out.accounts.push_back(*account);
        return out;
      }
    if (r.type.empty() || r.type == "statuses")
      if (auto status = resolver::status_by_uri(ctx, url)) out.statuses = show_statuses(ctx, r.viewer, {status->id});
    return out;
  }
  auto acct = parse_acct(q, ctx.config.domain);
  if (acct && !acct->domain.empty() && acct->domain.find('.') != std::string::npos)
    resolver::account_by_acct(ctx, acct->username, acct->domain);
  return std::nullopt;
}

}  // namespace

SearchResults search(Context& ctx, const SearchRequest& r) {
  if (r.resolve && r.viewer)
    if (auto resolved = resolve_remote(ctx, r)) return *resolved;
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
