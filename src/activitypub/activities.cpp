#include "activitypub/activities.h"

#include <boost/json/array.hpp>

#include "activitypub/context.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

json::object activity(std::string id, const char* type, const std::string& actor, json::value object) {
  return {{"@context", plain_context()}, {"id", std::move(id)}, {"type", type}, {"actor", actor},
          {"object", std::move(object)}};
}

json::object addressed(json::object a, json::array to, json::array cc = {}) {
  a["to"] = std::move(to);
  if (!cc.empty()) a["cc"] = std::move(cc);
  return a;
}

json::object with_note_context(json::object a) {
  a["@context"] = note_context();
  return a;
}

std::string followers_of(const model::Account& a) {
  return a.followers_url.empty() ? a.uri + "/followers" : a.followers_url;
}

json::object undo(std::string id, const model::Account& actor, json::object inner, json::array to) {
  inner.erase("@context");
  return addressed(activity(std::move(id), "Undo", actor.uri, std::move(inner)), std::move(to));
}

json::object note_activity(const char* type, const std::string& id, const model::StatusView& v, json::object object) {
  auto who = audience(v);
  json::value published = object.contains("published") ? object["published"] : json::value(nullptr);
  auto a = activity(id, type, v.account->uri, std::move(object));
  a["published"] = std::move(published);
  return with_note_context(addressed(std::move(a), std::move(who.to), std::move(who.cc)));
}

}  // namespace

json::object create_note(const model::StatusView& v, json::object object) {
  return note_activity("Create", v.status.uri + "/activity", v, std::move(object));
}

json::object update_note(const model::StatusView& v, json::object object) {
  int64_t at = v.status.edited_at.value_or(v.status.updated_at);
  return note_activity("Update", v.status.uri + "#updates/" + std::to_string(at / 1000), v, std::move(object));
}

json::object delete_note(const model::StatusView& v) {
  json::object tombstone{{"id", v.status.uri}, {"type", "Tombstone"}, {"atomUri", v.status.uri}};
  auto a = activity(v.status.uri + "#delete", "Delete", v.account->uri, std::move(tombstone));
  auto who = audience(v);
  return addressed(std::move(a), json::array{kPublic}, std::move(who.cc));
}

json::object announce(const model::StatusView& boost, const std::string& original_uri,
                      const model::Account& original_author) {
  const auto& s = boost.status;
  auto a = activity(s.uri, "Announce", boost.account->uri, json::value(original_uri));
  a["published"] = timestamp(s.created_at);
  json::array to, cc{json::value(original_author.uri)};
  if (s.visibility == model::Visibility::public_) {
    to.push_back(json::value(kPublic));
    cc.push_back(json::value(followers_of(*boost.account)));
  } else {
    to.push_back(json::value(followers_of(*boost.account)));
    if (s.visibility == model::Visibility::unlisted) cc.push_back(json::value(kPublic));
  }
  return addressed(std::move(a), std::move(to), std::move(cc));
}

json::object undo_announce(const model::StatusView& boost, const std::string& original_uri,
                           const model::Account& original_author) {
  auto inner = announce(boost, original_uri, original_author);
  json::array to = inner["to"].as_array();
  return undo(boost.status.uri + "/undo", *boost.account, std::move(inner), std::move(to));
}

json::object follow(const std::string& follow_uri, const model::Account& follower, const model::Account& target) {
  return activity(follow_uri, "Follow", follower.uri, json::value(target.uri));
}

json::object undo_follow(const std::string& follow_uri, const model::Account& follower, const model::Account& target) {
  return undo(follow_uri + "/undo", follower, follow(follow_uri, follower, target), json::array{json::value(target.uri)});
}

json::object accept_follow(int64_t follow_id, const std::string& follow_uri, const model::Account& follower,
                           const model::Account& target) {
  auto inner = follow(follow_uri, follower, target);
  inner.erase("@context");
  return activity(target.uri + "#accepts/follows/" + std::to_string(follow_id), "Accept", target.uri, std::move(inner));
}

json::object reject_follow(int64_t follow_id, const std::string& follow_uri, const model::Account& follower,
                           const model::Account& target) {
  auto inner = follow(follow_uri, follower, target);
  inner.erase("@context");
  return activity(target.uri + "#rejects/follows/" + std::to_string(follow_id), "Reject", target.uri, std::move(inner));
}

json::object like(int64_t like_key, const model::Account& account, const std::string& status_uri,
                  const model::Account& status_author) {
  (void)status_author;
  return activity(account.uri + "#likes/" + std::to_string(like_key), "Like", account.uri, json::value(status_uri));
}

json::object undo_like(int64_t like_key, const model::Account& account, const std::string& status_uri,
                       const model::Account& status_author) {
  return undo(account.uri + "#likes/" + std::to_string(like_key) + "/undo", account,
              like(like_key, account, status_uri, status_author), json::array{json::value(status_author.uri)});
}

json::object block(const std::string& block_uri, const model::Account& account, const model::Account& target) {
  return activity(block_uri, "Block", account.uri, json::value(target.uri));
}

json::object undo_block(const std::string& block_uri, const model::Account& account, const model::Account& target) {
  return undo(block_uri + "/undo", account, block(block_uri, account, target), json::array{json::value(target.uri)});
}

json::object update_actor(const model::Account& a, json::object actor_document) {
  auto context = actor_document["@context"];
  actor_document.erase("@context");
  auto u = addressed(activity(a.uri + "#updates/" + std::to_string(a.updated_at / 1000), "Update", a.uri,
                              std::move(actor_document)),
                     json::array{kPublic});
  u["@context"] = std::move(context);
  return u;
}

json::object delete_actor(const model::Account& a) {
  return addressed(activity(a.uri + "#delete", "Delete", a.uri, json::value(a.uri)), json::array{kPublic});
}

json::object poll_vote(const std::string& vote_id, const model::Account& voter, const std::string& poll_uri,
                       const model::Account& poll_author, const std::string& option) {
  json::object note{{"id", vote_id},
                    {"type", "Note"},
                    {"name", option},
                    {"attributedTo", voter.uri},
                    {"to", json::array{json::value(poll_author.uri)}},
                    {"inReplyTo", poll_uri}};
  return addressed(activity(vote_id + "/activity", "Create", voter.uri, std::move(note)),
                   json::array{json::value(poll_author.uri)});
}

json::object move(const model::Account& a, const model::Account& target) {
  auto m = activity(a.uri + "#moves/" + std::to_string(target.id), "Move", a.uri, json::value(a.uri));
  m["target"] = target.uri;
  return addressed(std::move(m), json::array{json::value(followers_of(a))});
}

json::object flag(const std::string& flag_uri, const std::string& actor_uri, const model::Account& target,
                  const std::vector<std::string>& status_uris, const std::string& comment) {
  json::array objects{json::value(target.uri)};
  for (const auto& uri : status_uris) objects.push_back(json::value(uri));
  auto f = activity(flag_uri, "Flag", actor_uri, std::move(objects));
  f["content"] = comment;
  return f;
}

}  // namespace agora::activitypub
