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
}  // namespace

TEST(InstanceEntity, V2HasEveryFieldOfMastodons) {
  json::value mastodon = load_fixture("mastodon-api/instance-v2.json");
  json::value ours = entities::instance_v2(overview());
  // Fields only a mastodon.social nightly has, and the contact account (null here).
  expect_same_keys(mastodon, ours, "",
                   {".configuration.accounts", ".contact.account", ".rules[].translations",
                    ".configuration.timelines_access", ".thumbnail", ".registrations.min_age"});
  EXPECT_EQ(ours.at("domain").as_string(), "social.example.org");
  EXPECT_EQ(ours.at("configuration").at("urls").at("streaming").as_string(), "wss://social.example.org");
  EXPECT_EQ(ours.at("rules").at(0).at("id").as_string(), "1");
  EXPECT_EQ(ours.at("usage").at("users").at("active_month").as_int64(), 2);
  EXPECT_TRUE(ours.at("version").as_string().starts_with("4."));
}

TEST(InstanceEntity, V1HasMastodonsShapeAndStats) {
  json::value ours = entities::instance_v1(overview());
  for (const char* key : {"uri", "title", "short_description", "description", "email", "version", "urls", "stats",
                          "thumbnail", "languages", "registrations", "approval_required", "invites_enabled",
                          "configuration", "contact_account", "rules"})
    EXPECT_TRUE(ours.as_object().contains(key)) << key;
  EXPECT_EQ(ours.at("uri").as_string(), "social.example.org");
  EXPECT_EQ(ours.at("stats").at("user_count").as_int64(), 3);
  EXPECT_EQ(ours.at("stats").at("status_count").as_int64(), 12);
  EXPECT_EQ(ours.at("urls").at("streaming_api").as_string(), "wss://social.example.org");
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
