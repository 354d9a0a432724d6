#include "entities/relationship.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/account.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

json::value optional_time(const std::optional<int64_t>& ms) {
  return ms ? json::value(format_iso8601(*ms)) : json::value(nullptr);
}

}  // namespace

json::object relationship(const model::Relationship& r) {
  json::value languages = nullptr;
  if (r.languages) {
    json::array list;
    for (const auto& l : *r.languages) list.emplace_back(l);
    languages = std::move(list);
  }
  // Field order as Mastodon 4.3's RelationshipSerializer, with muting_expires_at beside the mute.
  return {
      {"id", std::to_string(r.account_id)},
      {"following", r.following},
      {"showing_reblogs", r.showing_reblogs},
      {"notifying", r.notifying},
      {"languages", std::move(languages)},
      {"followed_by", r.followed_by},
      {"blocking", r.blocking},
      {"blocked_by", r.blocked_by},
      {"muting", r.muting},
      {"muting_notifications", r.muting_notifications},
      {"muting_expires_at", optional_time(r.muting_expires_at)},
      {"requested", r.requested},
      {"requested_by", r.requested_by},
      {"domain_blocking", r.domain_blocking},
      {"endorsed", r.endorsed},
      {"note", r.note},
  };
}

json::object familiar_followers(const model::FamiliarFollowers& f, const RenderContext& rc) {
  json::array accounts;
  for (const auto& a : f.accounts) accounts.push_back(account(a, rc));
  return {{"id", std::to_string(f.account_id)}, {"accounts", std::move(accounts)}};
}

json::object suggestion(const model::Suggestion& s, const RenderContext& rc) {
  // The older single `source`, derived from the first reason as Mastodon does.
  const std::string& first = s.sources.empty() ? std::string() : s.sources.front();
  const char* source = first == "featured"                                                  ? "staff"
                       : first == "most_followed" || first == "most_interactions"          ? "global"
                                                                                             : "past_interactions";
  json::array sources;
  for (const auto& reason : s.sources) sources.emplace_back(reason);
  return {{"source", source}, {"sources", std::move(sources)}, {"account", account(s.account, rc)}};
}

json::object muted_account(const model::MutedAccount& m, const RenderContext& rc) {
  json::object o = account(m.account, rc);
  o["mute_expires_at"] = optional_time(m.expires_at);
  return o;
}

}  // namespace agora::entities
