// Reading accounts as the API shows them to anyone: by id, by handle, in
// batches and by search. A local account whose user has not confirmed their
// e-mail or is not yet approved does not exist to others (404), as in Mastodon.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

constexpr size_t kMaxAccountsPerRequest = 40;  // GET /api/v1/accounts?id[]=

// Throws Error 404 ("Record not found") for unknown ids and hidden accounts.
model::Account find_account(Context& ctx, std::string_view id);
// "alice", "@alice", "alice@this.domain" or a known remote "bob@other.example";
// throws 404 otherwise (remote accounts are never fetched here).
model::Account lookup_account(Context& ctx, std::string_view acct);
// The visible accounts among `ids`, in that order, without repeats and
// unknown ids; throws 422 for more than kMaxAccountsPerRequest ids.
std::vector<model::Account> accounts_by_ids(Context& ctx, const std::vector<std::string>& ids);

struct AccountSearchRequest {
  std::string query;  // "ali", "@alice", "alice@example.org", "Alice Liddell"
  int limit = 40;
  int offset = 0;
  bool following = false;  // only accounts `viewer` follows
  int64_t viewer = 0;
};
std::vector<model::Account> search_accounts(Context& ctx, const AccountSearchRequest& request);

// A handle split the way Mastodon reads it: a leading '@' dropped, the
// domain empty for local accounts (none or this instance's).
struct Acct {
  std::string username;
  std::string domain;
};
std::optional<Acct> parse_acct(std::string_view text, std::string_view local_domain);

}  // namespace agora::services
