// The documents we send: audiences per visibility, ids that Undo and Delete
// can name again, and the parts other servers read (Question options, actor keys).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "activitypub/activities.h"
#include "activitypub/actor.h"
#include "activitypub/context.h"
#include "activitypub/note.h"
#include "activitypub/parse_vocabulary.h"

namespace agora::activitypub {
namespace {

namespace json = boost::json;

std::shared_ptr<model::Account> account(const std::string& base, const std::string& name) {
  auto a = std::make_shared<model::Account>();
  a->username = name;
  a->uri = base + "/users/" + name;
  a->url = base + "/@" + name;
  a->followers_url = a->uri + "/followers";
  a->key_id = a->uri + "#main-key";
  a->public_key_pem = "-----BEGIN PUBLIC KEY-----\n...";
  a->created_at = 1'700'000'123'456;
  return a;
}

model::StatusView view(model::Visibility v) {
  model::StatusView sv;
  sv.account = account("https://a.example", "alice");
  auto bob = account("https://b.example", "bob");
  bob->domain = "b.example";
  sv.mentions.push_back(bob);
  sv.status.id = 42;
  sv.status.uri = sv.account->uri + "/statuses/42";
  sv.status.url = sv.account->url + "/42";
  sv.status.visibility = v;
  sv.status.content = "<p>hi</p>";
  sv.status.created_at = 1'700'000'000'000;
  return sv;
}

std::vector<std::string> strings(const json::array& a) {
  std::vector<std::string> out;
  for (const auto& v : a) out.emplace_back(v.as_string());
  return out;
}

const entities::RenderContext rc{"https://a.example", "https://a.example/system"};

TEST(ActivityPubRender, AudienceFollowsVisibilityAndParsesBackToIt) {
  const std::string followers = "https://a.example/users/alice/followers", bob = "https://b.example/users/bob";
  struct Case {
    model::Visibility v;
    std::vector<std::string> to, cc;
  } cases[] = {
      {model::Visibility::public_, {kPublic}, {followers, bob}},
      {model::Visibility::unlisted, {followers}, {kPublic, bob}},
      {model::Visibility::private_, {followers}, {bob}},
      {model::Visibility::direct, {bob}, {}},
  };
  for (const auto& c : cases) {
    auto who = audience(view(c.v));
    EXPECT_EQ(strings(who.to), c.to) << model::visibility_name(c.v);
    EXPECT_EQ(strings(who.cc), c.cc) << model::visibility_name(c.v);
    // What another agora (or Mastodon) derives from it is the same visibility.
    EXPECT_EQ(derive_visibility(strings(who.to), strings(who.cc), followers), c.v);
  }
}

TEST(ActivityPubRender, NoteCarriesMastodonsFields) {
  auto v = view(model::Visibility::public_);
  v.status.spoiler_text = "cw";
  v.status.sensitive = true;
  v.status.language = "de";
  auto n = note(v, {std::string("https://b.example/users/bob/statuses/1"), "a.example"}, rc);
  EXPECT_EQ(n["type"], "Note");
  EXPECT_EQ(n["summary"], "cw");
  EXPECT_EQ(n["inReplyTo"], "https://b.example/users/bob/statuses/1");
  EXPECT_EQ(n["published"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(n["contentMap"].as_object().at("de"), "<p>hi</p>");
  auto tag = n["tag"].as_array().at(0).as_object();
  EXPECT_EQ(tag.at("type"), "Mention");
  EXPECT_EQ(tag.at("name"), "@bob@b.example");
}

TEST(ActivityPubRender, QuestionListsOptionsWithCounts) {
  auto v = view(model::Visibility::public_);
  model::PollView p;
  p.poll.options = {"yes", "no"};
  p.poll.tallies = {3, 1};
  p.poll.multiple = true;
  p.poll.expires_at = 1'700'000'600'000;
  p.poll.voters_count = 4;
  v.poll = p;
  auto q = note(v, {std::nullopt, "a.example"}, rc);
  EXPECT_EQ(q["type"], "Question");
  EXPECT_FALSE(q.contains("oneOf"));
  auto options = q["anyOf"].as_array();
  ASSERT_EQ(options.size(), 2u);
  EXPECT_EQ(options[0].at("name"), "yes");
  EXPECT_EQ(options[0].at("replies").at("totalItems"), 3);
  EXPECT_EQ(q["endTime"], "2023-11-14T22:23:20Z");
  EXPECT_EQ(q["votersCount"], 4);
}

TEST(ActivityPubRender, UndoNamesTheSameActivity) {
  auto alice = account("https://a.example", "alice");
  auto bob = account("https://b.example", "bob");
  auto f = follow("https://a.example/follows/7", *alice, *bob);
  auto u = undo_follow("https://a.example/follows/7", *alice, *bob);
  EXPECT_EQ(u["object"].at("id"), f["id"]);
  EXPECT_EQ(u["object"].at("type"), "Follow");
  EXPECT_FALSE(u["object"].as_object().contains("@context"));
  auto l = like(42, *alice, "https://b.example/users/bob/statuses/1", *bob);
  EXPECT_EQ(undo_like(42, *alice, "https://b.example/users/bob/statuses/1", *bob)["object"].at("id"), l["id"]);
  auto accept = accept_follow(9, "https://b.example/follows/1", *alice, *bob);
  EXPECT_EQ(accept["actor"], json::value(bob->uri));
  EXPECT_EQ(accept["object"].at("id"), "https://b.example/follows/1");
}

TEST(ActivityPubRender, DeleteIsATombstoneToThePublic) {
  auto d = delete_note(view(model::Visibility::private_));
  EXPECT_EQ(d["object"].at("type"), "Tombstone");
  EXPECT_EQ(d["object"].at("id"), "https://a.example/users/alice/statuses/42");
  EXPECT_EQ(strings(d["to"].as_array()), std::vector<std::string>{kPublic});
}

TEST(ActivityPubRender, ActorHasKeyInboxesAndParsesBack) {
  auto a = account("https://a.example", "alice");
  a->display_name = "Alice";
  a->locked = true;
  a->fields_json = R"([{"name":"Site","value":"<a href=\"https://x.example\">x</a>"}])";
  auto doc = actor(*a, {"https://old.example/users/alice"}, rc);
  EXPECT_EQ(doc["published"], "2023-11-14T00:00:00Z");
  auto parsed = parse_actor(doc);
  ASSERT_TRUE(parsed) << parsed.error;
  EXPECT_EQ(parsed->preferred_username, "alice");
  EXPECT_TRUE(parsed->manually_approves_followers);
  EXPECT_EQ(parsed->shared_inbox, "https://a.example/inbox");
  ASSERT_EQ(parsed->public_keys.size(), 1u);
  EXPECT_EQ(parsed->public_keys[0].id, "https://a.example/users/alice#main-key");
  ASSERT_EQ(parsed->fields.size(), 1u);
  EXPECT_EQ(parsed->fields[0].name, "Site");
  EXPECT_EQ(parsed->also_known_as, std::vector<std::string>{"https://old.example/users/alice"});
}

TEST(ActivityPubRender, ActorCarriesItsCustomEmojiAsEmojiTags) {
  auto a = account("https://a.example", "alice");
  a->display_name = ":blobcat: Alice";
  model::CustomEmoji e;
  e.id = 7;
  e.shortcode = "blobcat";
  e.image_url = e.static_url = "custom_emojis/images/7/abc.png";  // a stored file's key
  a->emojis = {e};
  auto doc = actor(*a, {}, rc);
  ASSERT_EQ(doc["tag"].as_array().size(), 1u);
  const auto& tag = doc["tag"].as_array()[0].as_object();
  EXPECT_EQ(tag.at("id"), "https://a.example/emojis/7");
  EXPECT_EQ(tag.at("type"), "Emoji");
  EXPECT_EQ(tag.at("name"), ":blobcat:");
  EXPECT_EQ(tag.at("icon").at("url"), "https://a.example/system/custom_emojis/images/7/abc.png");
  EXPECT_EQ(tag.at("icon").at("mediaType"), "image/png");
  auto parsed = parse_actor(doc);
  ASSERT_TRUE(parsed) << parsed.error;
  ASSERT_EQ(parsed->tags.emojis.size(), 1u);
  EXPECT_EQ(parsed->tags.emojis[0].shortcode, "blobcat");
  a->suspended_at = 1;  // a suspended actor shows nothing of itself
  EXPECT_TRUE(actor(*a, {}, rc)["tag"].as_array().empty());
}

}  // namespace
}  // namespace agora::activitypub
