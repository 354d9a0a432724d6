#include "services/account_lookup.h"

#include <algorithm>

#include "core/errors.h"
#include "core/snowflake.h"
#include "http/headers.h"
#include "services/account_emojis.h"
#include "services/account_moves.h"
#include "services/resolver.h"
#include "store/accounts.h"
#include "text/plain_text.h"

namespace agora::services {

namespace {

bool visible(store::Connection& c, const model::Account& a) {
  if (!a.local()) return true;
  auto user = store::accounts::find_user_by_account(c, a.id);
  return user && user->confirmed_at && user->approved;
}

}  // namespace

std::optional<Acct> parse_acct(std::string_view text, std::string_view local_domain) {
  text = agora::text::strip(text);
  if (text.starts_with('@')) text.remove_prefix(1);
  if (text.empty() || text.size() > 512) return std::nullopt;
  size_t at = text.find('@');
  Acct acct{std::string(text.substr(0, at)), at == std::string_view::npos ? "" : std::string(text.substr(at + 1))};
  if (acct.username.empty() || acct.domain.find('@') != std::string::npos) return std::nullopt;
  if (http::iequals(acct.domain, local_domain)) acct.domain.clear();
  return acct;
}

model::Account find_account(Context& ctx, std::string_view id_text) {
  auto id = parse_id(id_text);
  if (!id) throw Error::not_found();
  auto conn = ctx.db.acquire();
  auto account = store::accounts::find(*conn, *id);
  if (!account || !visible(*conn, *account)) throw Error::not_found();
  attach_moved(*conn, *account);
  attach_emojis(*conn, *account);
  return *account;
}

model::Account lookup_account(Context& ctx, std::string_view text) {
  auto acct = parse_acct(text, ctx.config.domain);
  if (!acct) throw Error::not_found();
  auto conn = ctx.db.acquire();
  auto account = store::accounts::find_by_acct(*conn, acct->username, acct->domain);
  // An unknown remote handle is looked up on its server, as Mastodon's ResolveAccountService.
  if (!account && !acct->domain.empty()) account = resolver::account_by_acct(ctx, acct->username, acct->domain);
  if (!account || !visible(*conn, *account)) throw Error::not_found();
  attach_moved(*conn, *account);
  attach_emojis(*conn, *account);
  return *account;
}

std::vector<model::Account> accounts_by_ids(Context& ctx, const std::vector<std::string>& id_texts) {
  std::vector<int64_t> ids;
  for (const auto& text : id_texts) {
    auto id = parse_id(text);
    if (!id) id = 0;  // as Ruby's to_i: matches nothing, but still counts
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  // Mastodon raises a bare Mastodon::ValidationError here, whose message is its class name.
  if (ids.size() > kMaxAccountsPerRequest) throw Error::unprocessable("Mastodon::ValidationError");
  auto conn = ctx.db.acquire();
  auto accounts = store::accounts::find_many_listed(*conn, ids);
  attach_moved(*conn, accounts);
  attach_emojis(*conn, accounts);
  return accounts;
}

std::vector<model::Account> search_accounts(Context& ctx, const AccountSearchRequest& r) {
  auto acct = parse_acct(r.query, ctx.config.domain);
  if (!acct || r.limit < 1) return {};
  store::accounts::AccountSearch search;
  search.username = acct->username;
  // "alice@exam…" narrows by domain; "alice@this.instance" to local accounts.
  std::string_view query = agora::text::strip(r.query);
  size_t at = query.find('@', query.starts_with('@') ? 1 : 0);
  if (at != std::string_view::npos && at + 1 < query.size()) search.domain = acct->domain;
  if (r.following) search.followed_by = r.viewer;
  search.limit = r.limit;
  search.offset = std::max(r.offset, 0);
  auto conn = ctx.db.acquire();
  auto accounts = store::accounts::search(*conn, search);
  attach_moved(*conn, accounts);
  attach_emojis(*conn, accounts);
  return accounts;
}

}  // namespace agora::services
