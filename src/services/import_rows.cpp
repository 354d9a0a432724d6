#include "services/import_rows.h"

#include <boost/json.hpp>
#include <cctype>
#include <set>

#include "core/domain.h"
#include "core/errors.h"
#include "core/strings.h"
#include "core/time.h"
#include "services/account_lookup.h"
#include "services/blocks.h"
#include "services/follows.h"
#include "services/lists.h"
#include "services/mutes.h"
#include "services/resolver.h"
#include "services/status_actions.h"
#include "store/accounts.h"
#include "store/exports.h"
#include "store/statuses.h"
#include "text/csv.h"

namespace agora::services::import_rows {

namespace json = boost::json;

namespace {

constexpr size_t kMaxRows = 20000;  // Mastodon's ROWS_PROCESSING_LIMIT

std::string trimmed(std::string s) {
  auto start = s.find_first_not_of(" \t");
  if (start == std::string::npos) return "";
  return s.substr(start, s.find_last_not_of(" \t") - start + 1);
}

std::string cell(const text::CsvRow& row, size_t i) { return i < row.size() ? trimmed(row[i]) : ""; }

// "true"/"false" as Mastodon writes them; anything else keeps the default.
bool boolean_cell(const text::CsvRow& row, size_t i, bool fallback) {
  auto v = ascii_lower(cell(row, i));
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  return fallback;
}

Error bad_row(size_t line, const std::string& why) {
  return Error::unprocessable("Validation failed: Data row " + std::to_string(line) + " " + why);
}

// "alice@example.org" (or a local "alice"), the key overwrite compares by.
std::optional<Acct> account_address(const Context& ctx, const std::string& text) {
  auto acct = parse_acct(text, ctx.config.domain);
  if (!acct || acct->username.empty() || acct->username.size() > 255) return std::nullopt;
  for (char c : acct->username)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) return std::nullopt;
  if (!acct->domain.empty() && !normalize_domain(acct->domain)) return std::nullopt;
  return acct;
}

std::string key_of(const Context& ctx, const std::string& username, const std::string& domain) {
  return ascii_lower(username) + "@" + ascii_lower(domain.empty() ? ctx.config.domain : domain);
}

std::string key_of(const Context& ctx, const store::exports::AccountRef& a) { return key_of(ctx, a.username, a.domain); }

std::string row_key(const Context& ctx, const json::object& row) {
  auto acct = account_address(ctx, std::string(row.at("account").as_string()));
  return acct ? key_of(ctx, acct->username, acct->domain) : "";
}

json::array languages(const std::string& text) {
  json::array out;
  std::string current;
  for (char c : text + ",") {
    if (c == ',' || c == ' ') {
      if (!current.empty()) out.push_back(json::string(current));
      current.clear();
    } else {
      current += c;
    }
  }
  return out;
}

bool is_header(const text::CsvRow& row) {
  auto first = ascii_lower(cell(row, 0));
  return first == "account address" || first == "#domain" || first == "#uri";
}

json::object parse_row(const Context& ctx, const std::string& type, const text::CsvRow& row, size_t line) {
  if (type == "domain_blocking") {
    auto domain = normalize_domain(cell(row, 0));
    if (!domain) throw bad_row(line, "is not a domain name");
    return {{"domain", *domain}};
  }
  if (type == "bookmarks") {
    auto uri = cell(row, 0);
    if (!(uri.starts_with("https://") || uri.starts_with("http://")) || uri.size() > 2048)
      throw bad_row(line, "is not a status URL");
    return {{"uri", uri}};
  }
  size_t at = type == "lists" ? 1 : 0;
  auto address = cell(row, at);
  if (!account_address(ctx, address)) throw bad_row(line, "is not an account address");
  json::object out{{"account", address}};
  if (type == "following") {
    out["show_reblogs"] = boolean_cell(row, 1, true);
    out["notify"] = boolean_cell(row, 2, false);
    out["languages"] = languages(cell(row, 3));
  } else if (type == "muting") {
    out["hide_notifications"] = boolean_cell(row, 1, true);
  } else if (type == "lists") {
    auto title = cell(row, 0);
    if (title.empty() || title.size() > 256) throw bad_row(line, "has no list name");
    out["list"] = title;
  }
  return out;
}

// The account a row names: stored, or found through WebFinger for remote ones.
std::optional<model::Account> resolve(Context& ctx, const json::object& row) {
  auto acct = account_address(ctx, std::string(row.at("account").as_string()));
  if (!acct) return std::nullopt;
  if (acct->domain.empty()) {
    auto lease = ctx.db.acquire();
    return store::accounts::find_local(*lease, acct->username);
  }
  return resolver::account_by_acct(ctx, acct->username, acct->domain);
}

std::optional<int64_t> list_named(Context& ctx, const model::Account& member, const std::string& title, bool create) {
  for (const auto& l : lists(ctx, member))
    if (l.title == title) return l.id;
  if (!create) return std::nullopt;
  return create_list(ctx, member, ListChanges{title, std::nullopt, std::nullopt}).id;
}

}  // namespace

std::vector<json::object> parse(const Context& ctx, const std::string& type, std::string_view csv) {
  auto parsed = text::parse_csv(csv, {.max_rows = kMaxRows + 1});
  if (parsed.error) throw Error::unprocessable("Validation failed: Data is not a CSV file we can read (" + *parsed.error + ")");
  auto& rows = parsed.rows;
  size_t first = !rows.empty() && is_header(rows.front()) ? 1 : 0;
  if (rows.size() <= first) throw Error::unprocessable("Validation failed: Data file is empty");
  if (rows.size() - first > kMaxRows)
    throw Error::unprocessable("Validation failed: Data has more than " + std::to_string(kMaxRows) + " rows");
  if (type == "following" && static_cast<int64_t>(rows.size() - first) > kFollowLimit)
    throw Error::unprocessable("Validation failed: Data lists more accounts than you may follow (" +
                               std::to_string(kFollowLimit) + ")");
  std::vector<json::object> out;
  for (size_t i = first; i < rows.size(); ++i) out.push_back(parse_row(ctx, type, rows[i], i + 1));
  return out;
}

bool apply(Context& ctx, const model::Account& member, const std::string& type, const json::object& row) {
  if (type == "domain_blocking") {
    block_domain(ctx, member, std::string(row.at("domain").as_string()));
    return true;
  }
  if (type == "bookmarks") {
    auto status = resolver::status_by_uri(ctx, std::string(row.at("uri").as_string()));
    if (!status) return false;
    bookmark(ctx, member, status->id);
    return true;
  }
  auto target = resolve(ctx, row);
  if (!target || target->id == member.id) return false;
  if (type == "following") {
    model::FollowOptions options;
    options.reblogs = row.at("show_reblogs").as_bool();
    options.notify = row.at("notify").as_bool();
    std::vector<std::string> langs;
    for (const auto& l : row.at("languages").as_array()) langs.emplace_back(l.as_string());
    if (!langs.empty()) options.languages = std::move(langs);
    follow(ctx, member, target->id, options);
  } else if (type == "blocking") {
    block(ctx, member, target->id);
  } else if (type == "muting") {
    mute(ctx, member, target->id, row.at("hide_notifications").as_bool(), 0);
  } else if (type == "lists") {
    // As Mastodon: list members are followed; a remote account joins once it accepts.
    follow(ctx, member, target->id, {});
    auto list_id = list_named(ctx, member, std::string(row.at("list").as_string()), true);
    add_list_members(ctx, member, *list_id, {target->id});
  } else {
    return false;
  }
  return true;
}

void remove_unlisted(Context& ctx, const model::Account& member, const std::string& type,
                     const std::vector<json::object>& rows) {
  namespace ex = store::exports;
  std::set<std::string> keep;
  for (const auto& row : rows) {
    if (type == "domain_blocking") keep.insert(std::string(row.at("domain").as_string()));
    else if (type == "bookmarks") keep.insert(std::string(row.at("uri").as_string()));
    else if (type == "lists") keep.insert(std::string(row.at("list").as_string()) + "\n" + row_key(ctx, row));
    else keep.insert(row_key(ctx, row));
  }
  int64_t id = member.id;
  // Each read on a connection of its own, released before the services below take theirs.
  auto read = [&ctx](auto load) {
    auto lease = ctx.db.acquire();
    return load(*lease);
  };
  if (type == "following") {
    auto current = read([id](store::Connection& c) { return ex::following(c, id); });
    for (const auto& f : current)
      if (!keep.contains(key_of(ctx, f.account))) unfollow(ctx, member, f.account.id);
  } else if (type == "blocking") {
    auto current = read([id](store::Connection& c) { return ex::blocks(c, id); });
    for (const auto& a : current)
      if (!keep.contains(key_of(ctx, a))) unblock(ctx, member, a.id);
  } else if (type == "muting") {
    auto current = read([id](store::Connection& c) { return ex::mutes(c, id, now_ms()); });
    for (const auto& m : current)
      if (!keep.contains(key_of(ctx, m.account))) unmute(ctx, member, m.account.id);
  } else if (type == "domain_blocking") {
    auto current = read([id](store::Connection& c) { return ex::domain_blocks(c, id); });
    for (const auto& d : current)
      if (!keep.contains(d)) unblock_domain(ctx, member, d);
  } else if (type == "bookmarks") {
    auto current = read([id](store::Connection& c) { return ex::bookmarks(c, id); });
    for (const auto& b : current)
      if (!keep.contains(b.uri)) unbookmark(ctx, member, b.status_id);
  } else if (type == "lists") {
    // Only the lists the file names are rewritten; the others stay as they are.
    std::set<std::string> named;
    for (const auto& row : rows) named.insert(std::string(row.at("list").as_string()));
    auto current = read([id](store::Connection& c) { return ex::list_members(c, id); });
    for (const auto& m : current)
      if (named.contains(m.list_title) && !keep.contains(m.list_title + "\n" + key_of(ctx, m.account)))
        remove_list_members(ctx, member, m.list_id, {m.account.id});
  }
}

}  // namespace agora::services::import_rows
