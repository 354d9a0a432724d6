// Our instance documents against a real Mastodon server's (fixtures).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "activitypub/discovery.h"
#include "entities/instance.h"

using namespace agora;
namespace json = boost::json;

namespace {
json::value load_fixture(const std::string& name) {
  std::ifstream f(std::string(AGORA_FIXTURES_DIR) + "/" + name);
  std::stringstream s;
  s << f.rdbuf();
  return json::parse(s.str());
}

// Every key path of `reference` (objects only; the first element of arrays) must be in `ours`.
void expect_same_keys(const json::value& reference, const json::value& ours, const std::string& path,
                      const std::set<std::string>& skip) {
  if (skip.contains(path)) return;
  if (reference.is_object()) {
    ASSERT_TRUE(ours.is_object()) << path << " should be an object";
    for (const auto& [k, v] : reference.as_object()) {
      std::string child = path + "." + std::string(k);
      if (skip.contains(child)) continue;
      ASSERT_TRUE(ours.as_object().contains(k)) << child << " is missing";
      if (!v.is_null() && !ours.at(k).is_null()) expect_same_keys(v, ours.at(k), child, skip);
    }
  } else if (reference.is_array() && !reference.as_array().empty() && ours.is_array() && !ours.as_array().empty()) {
    expect_same_keys(reference.as_array()[0], ours.as_array()[0], path + "[]", skip);
  }
}

model::InstanceOverview overview() {
  model::InstanceOverview o;
  o.domain = "social.example.org";
  o.base_url = "https://social.example.org";
  o.streaming_url = "wss://social.example.org";
  o.settings.title = "Educators";
  o.stats = {3, 12, 4, 2, 3};
  o.rules = {{1, "Be kind", "Really"}};
  return o;
}

const entities::RenderContext rc{"https://social.example.org", "https://files.example.org"};

// An admin's choices: a picture, a contact, languages and other limits.
model::InstanceOverview configured() {
  auto o = overview();
  o.settings.thumbnail = model::SiteThumbnail{"site_uploads/files/7/1x.jpg", "site_uploads/files/7/2x.jpg", "LKO2?U"};
  o.settings.languages = {"de", "en"};
  o.settings.limits = {1000, 6, 2048, 4096};
  model::Account contact;
  contact.id = 42;
  contact.username = "admin";
  o.contact_account = contact;
  return o;
}
}  // namespace

TEST(InstanceEntity, V2HasEveryFieldOfMastodons) {
  json::value mastodon = load_fixture("mastodon-api/instance-v2.json");
  json::value ours = entities::instance_v2(configured(), rc);
  // Fields only a mastodon.social nightly has.
  expect_same_keys(mastodon, ours, "",
                   {".configuration.accounts", ".rules[].translations", ".configuration.timelines_access",
                    ".thumbnail.description", ".registrations.min_age"});
  EXPECT_EQ(ours.at("domain").as_string(), "social.example.org");
  EXPECT_EQ(ours.at("configuration").at("urls").at("streaming").as_string(), "wss://social.example.org");
  EXPECT_EQ(ours.at("rules").at(0).at("id").as_string(), "1");
  EXPECT_EQ(ours.at("usage").at("users").at("active_month").as_int64(), 2);
  EXPECT_TRUE(ours.at("version").as_string().starts_with("4."));
}

TEST(InstanceEntity, V1HasMastodonsShapeAndStats) {
  json::value ours = entities::instance_v1(overview(), rc);
  for (const char* key : {"uri", "title", "short_description", "description", "email", "version", "urls", "stats",
                          "thumbnail", "languages", "registrations", "approval_required", "invites_enabled",
                          "configuration", "contact_account", "rules"})
    EXPECT_TRUE(ours.as_object().contains(key)) << key;
  EXPECT_EQ(ours.at("uri").as_string(), "social.example.org");
  EXPECT_EQ(ours.at("stats").at("user_count").as_int64(), 3);
  EXPECT_EQ(ours.at("stats").at("status_count").as_int64(), 12);
  EXPECT_EQ(ours.at("urls").at("streaming_api").as_string(), "wss://social.example.org");
}

TEST(InstanceEntity, ShowsTheDefaultPictureAndLimitsUntilAnAdminChangesThem) {
  json::value v2 = entities::instance_v2(overview(), rc);
  EXPECT_EQ(v2.at("thumbnail"), (json::object{{"url", "https://social.example.org/preview.png"}}));
  EXPECT_EQ(v2.at("languages"), (json::array{"en"}));
  EXPECT_TRUE(v2.at("contact").at("account").is_null());
  EXPECT_EQ(v2.at("configuration").at("statuses").at("max_characters").as_int64(), 500);
  EXPECT_EQ(v2.at("configuration").at("media_attachments").at("video_size_limit").as_int64(), 103809024);
  json::value v1 = entities::instance_v1(overview(), rc);
  EXPECT_EQ(v1.at("thumbnail").as_string(), "https://social.example.org/preview.png");
  EXPECT_TRUE(v1.at("contact_account").is_null());
}

TEST(InstanceEntity, ShowsWhatAnAdminConfigured) {
  json::value v2 = entities::instance_v2(configured(), rc);
  const auto& thumbnail = v2.at("thumbnail");
  EXPECT_EQ(thumbnail.at("url").as_string(), "https://files.example.org/site_uploads/files/7/1x.jpg");
  EXPECT_EQ(thumbnail.at("blurhash").as_string(), "LKO2?U");
  EXPECT_EQ(thumbnail.at("versions").at("@2x").as_string(), "https://files.example.org/site_uploads/files/7/2x.jpg");
  EXPECT_EQ(v2.at("languages"), (json::array{"de", "en"}));
  EXPECT_EQ(v2.at("contact").at("account").at("acct").as_string(), "admin");
  const auto& config = v2.at("configuration");
  EXPECT_EQ(config.at("statuses").at("max_characters").as_int64(), 1000);
  EXPECT_EQ(config.at("statuses").at("max_media_attachments").as_int64(), 6);
  EXPECT_EQ(config.at("media_attachments").at("image_size_limit").as_int64(), 2048);
  EXPECT_EQ(config.at("media_attachments").at("video_size_limit").as_int64(), 4096);

  json::value v1 = entities::instance_v1(configured(), rc);
  EXPECT_EQ(v1.at("thumbnail").as_string(), "https://files.example.org/site_uploads/files/7/1x.jpg");
  EXPECT_EQ(v1.at("languages"), (json::array{"de", "en"}));
  EXPECT_EQ(v1.at("contact_account").at("id").as_string(), "42");
  EXPECT_EQ(v1.at("configuration").at("statuses").at("max_characters").as_int64(), 1000);
  EXPECT_EQ(v1.at("configuration").at("media_attachments").at("image_size_limit").as_int64(), 2048);
}

TEST(Discovery, NodeInfoMatchesTheSchemaOfRealServers) {
  json::value mastodon = load_fixture("nodeinfo/mastodon-social-2.0.json");
  json::value ours = activitypub::nodeinfo(overview(), "2.0");
  expect_same_keys(mastodon, ours, "", {".metadata"});
  EXPECT_EQ(ours.at("usage").at("users").at("total").as_int64(), 3);
  EXPECT_EQ(ours.at("usage").at("localPosts").as_int64(), 12);
  json::value v21 = activitypub::nodeinfo(overview(), "2.1");
  EXPECT_EQ(v21.at("version").as_string(), "2.1");
  EXPECT_TRUE(v21.at("software").as_object().contains("repository"));
  auto links = activitypub::nodeinfo_links("https://social.example.org");
  EXPECT_EQ(links.at("links").at(0).at("href").as_string(), "https://social.example.org/nodeinfo/2.0");
}
