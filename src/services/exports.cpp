#include "services/exports.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "store/exports.h"
#include "text/csv.h"

namespace agora::services {

namespace {

std::string address(const store::exports::AccountRef& a, const Context& ctx) {
  // Local accounts with this domain too, so the file means the same elsewhere.
  return a.username + "@" + (a.domain.empty() ? ctx.config.domain : a.domain);
}

std::string flag(bool b) { return b ? "true" : "false"; }

// Mastodon writes the languages as "en, de"; the follow keeps a JSON array.
std::string languages(const std::string& json_text) {
  if (json_text.empty()) return "";
  boost::system::error_code ec;
  auto v = boost::json::parse(json_text, ec);
  if (ec || !v.is_array()) return "";
  std::string out;
  for (const auto& l : v.as_array())
    if (l.is_string()) out += (out.empty() ? "" : ", ") + std::string(l.as_string());
  return out;
}

ExportFile file(std::string name, const std::vector<std::vector<std::string>>& rows,
                std::optional<std::vector<std::string>> header = std::nullopt) {
  ExportFile out{std::move(name), header ? text::csv_line(*header) : "", rows.size()};
  for (const auto& r : rows) out.csv += text::csv_line(r);
  return out;
}

template <class Items, class Line>
std::vector<std::vector<std::string>> lines(const Items& items, Line line) {
  std::vector<std::vector<std::string>> out;
  for (const auto& item : items) out.push_back(line(item));
  return out;
}

}  // namespace

const std::vector<std::string>& export_names() {
  static const std::vector<std::string> names{"follows.csv", "followers.csv", "lists.csv",     "blocks.csv",
                                              "mutes.csv",   "domain_blocks.csv", "bookmarks.csv"};
  return names;
}

std::optional<ExportFile> export_csv(Context& ctx, const model::Account& member, std::string_view name) {
  namespace ex = store::exports;
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto by_address = [&ctx](const ex::AccountRef& a) { return std::vector<std::string>{address(a, ctx)}; };
  if (name == "follows.csv")
    return file("follows.csv",
                lines(ex::following(c, member.id),
                      [&ctx](const ex::FollowedAccount& f) {
                        return std::vector<std::string>{address(f.account, ctx), flag(f.show_reblogs), flag(f.notify),
                                                        languages(f.languages_json)};
                      }),
                std::vector<std::string>{"Account address", "Show boosts", "Notify on new posts", "Languages"});
  if (name == "followers.csv") return file("followers.csv", lines(ex::followers(c, member.id), by_address));
  if (name == "lists.csv")
    return file("lists.csv", lines(ex::list_members(c, member.id), [&ctx](const ex::ListMember& m) {
                  return std::vector<std::string>{m.list_title, address(m.account, ctx)};
                }));
  if (name == "blocks.csv") return file("blocks.csv", lines(ex::blocks(c, member.id), by_address));
  if (name == "mutes.csv")
    return file("mutes.csv",
                lines(ex::mutes(c, member.id, now_ms()),
                      [&ctx](const ex::MutedAccount& m) {
                        return std::vector<std::string>{address(m.account, ctx), flag(m.hide_notifications)};
                      }),
                std::vector<std::string>{"Account address", "Hide notifications"});
  auto single = [](const std::string& s) { return std::vector<std::string>{s}; };
  if (name == "domain_blocks.csv") return file("domain_blocks.csv", lines(ex::domain_blocks(c, member.id), single));
  if (name == "bookmarks.csv")
    return file("bookmarks.csv", lines(ex::bookmarks(c, member.id), [](const ex::Bookmark& b) {
                  return std::vector<std::string>{b.uri};
                }));
  return std::nullopt;
}

}  // namespace agora::services
