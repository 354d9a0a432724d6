// The streaming plumbing: the event bus, events held until their transaction
// commits, stream names, and who receives a status (the REST timelines' rules).
#include <gtest/gtest.h>

#include "events/bus.h"
#include "services/blocks.h"
#include "services/follows.h"
#include "services/statuses.h"
#include "services/stream_rules.h"
#include "streaming/channels.h"
#include "test_databases.h"

using namespace agora;

TEST(EventBus, EncodesAndDecodesEvents) {
  events::Event e{"timeline:42", "notification", R"({"id":"7"})"};
  auto back = events::decode(events::encode(e));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->channel, "timeline:42");
  EXPECT_EQ(back->event, "notification");
  EXPECT_EQ(back->payload, R"({"id":"7"})");
  EXPECT_FALSE(events::decode("not json"));
  EXPECT_FALSE(events::decode(R"({"channel":"x","event":1,"payload":""})"));
}

TEST(EventBus, DeliversToEveryListenerUntilRemoved) {
  auto bus = events::make_local_bus();
  std::vector<std::string> a, b;
  int first = bus->add_listener([&](const events::Event& e) { a.push_back(e.event); });
  bus->add_listener([&](const events::Event& e) { b.push_back(e.event); });
  bus->publish({"statuses", "update", "{}"});
  bus->remove_listener(first);
  bus->publish({"statuses", "delete", "{}"});
  EXPECT_EQ(a, std::vector<std::string>{"update"});
  EXPECT_EQ(b, (std::vector<std::string>{"update", "delete"}));
}

TEST(StreamChannels, NamesAsMastodon) {
  EXPECT_EQ(streaming::name_from_path("/api/v1/streaming/public/local", true), "public:local:media");
  EXPECT_EQ(streaming::name_from_path("/api/v1/streaming/user/notification", false), "user:notification");
  EXPECT_FALSE(streaming::name_from_path("/api/v1/streaming/users", false));

  auto tag = streaming::channel_named("hashtag:local", {{"tag", "Cats"}});
  EXPECT_EQ(tag.timeline.tag, "cats");
  EXPECT_TRUE(tag.timeline.options.local);
  EXPECT_EQ(boost::json::serialize(tag.stream), R"(["hashtag:local","Cats"])");
  auto media = streaming::channel_named("public:remote:media", {});
  EXPECT_TRUE(media.timeline.options.remote && media.timeline.options.only_media && !media.timeline.options.local);

  auto refusal = [](const std::string& name, boost::json::object params) {
    try {
      streaming::channel_named(name, params);
    } catch (const streaming::StreamError& e) {
      return std::to_string(e.status) + " " + e.message;
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal("public:everything", {}), "400 Unknown stream type");
  EXPECT_EQ(refusal("hashtag", {}), "400 Missing tag name parameter");
  EXPECT_EQ(refusal("list", {}), "400 Missing list name parameter");
  EXPECT_EQ(refusal("list", {{"list", "12x"}}), "401 Not authorized to stream this list");
}

TEST(StreamChannels, ScopesAsMastodonNamesThem) {
  auto user = streaming::channel_named("user", {});
  auto notes = streaming::channel_named("user:notification", {});
  EXPECT_TRUE(streaming::scopes_allow({"read"}, user));
  EXPECT_TRUE(streaming::scopes_allow({"read:statuses"}, user));
  EXPECT_FALSE(streaming::scopes_allow({"read:statuses"}, notes));
  EXPECT_TRUE(streaming::scopes_allow({"read:notifications"}, notes));
  EXPECT_FALSE(streaming::scopes_allow({"write", "follow"}, user));
}

class StreamRulesTest : public test_support::ServiceTest {
 protected:
  model::Status post(const model::Account& author, const std::string& text, const char* visibility = "public") {
    services::NewStatus s;
    s.text = text;
    s.visibility = visibility;
    auto c = ctx();
    return services::post_status(c, author, s);
  }
};
AGORA_ON_BOTH_DATABASES(StreamRulesTest);

TEST_P(StreamRulesTest, EventsWaitForTheirTransactionToCommit) {
  std::vector<std::string> seen;
  int id = events::bus().add_listener([&](const events::Event& e) { seen.push_back(e.event); });
  auto c = db->acquire();
  store::in_transaction(*c, [&] {
    c->after_commit([&] { seen.push_back("committed"); });
    EXPECT_TRUE(seen.empty());
  });
  try {
    store::in_transaction(*c, [&] {
      c->after_commit([&] { seen.push_back("rolled back"); });
      throw std::runtime_error("no");
    });
  } catch (const std::runtime_error&) {
  }
  auto alice = account("alice");
  post(alice, "hello");
  events::bus().remove_listener(id);
  EXPECT_EQ(seen, (std::vector<std::string>{"committed", "update"}));
}

TEST_P(StreamRulesTest, StatusesReachTheStreamsTheirTimelinesWouldShowThemOn) {
  using Kind = services::stream_rules::Timeline::Kind;
  auto context = ctx();
  auto alice = account("alice"), bob = account("bob"), carol = account("carol");
  services::follow(context, alice, bob.id, {});
  services::block(context, alice, carol.id);

  services::stream_rules::Timeline home{Kind::home}, pub{Kind::public_};
  services::stream_rules::Timeline tag{Kind::hashtag, 0, "cats"};
  auto hello = post(bob, "hello #cats");
  auto quiet = post(bob, "for followers", "private");
  auto blocked = post(carol, "from carol #cats");

  auto on = [&](const model::Account& viewer, const services::stream_rules::Timeline& t, const model::Status& s) {
    return services::stream_rules::on_timeline(context, viewer, t, s.id).has_value();
  };
  EXPECT_TRUE(on(alice, home, hello));
  EXPECT_TRUE(on(alice, home, quiet));
  EXPECT_TRUE(on(alice, pub, hello));
  EXPECT_FALSE(on(alice, pub, quiet));   // followers-only: never public
  EXPECT_TRUE(on(alice, tag, hello));
  EXPECT_FALSE(on(alice, pub, blocked));  // alice blocks carol
  EXPECT_FALSE(on(alice, tag, blocked));
  EXPECT_TRUE(on(bob, tag, blocked));
  EXPECT_FALSE(on(carol, home, hello));   // carol follows nobody
  auto by_alice = post(alice, "hi all");
  EXPECT_FALSE(on(carol, pub, by_alice));  // blocks hide both ways
  EXPECT_TRUE(on(bob, pub, by_alice));

  services::stream_rules::DeletedStatus gone{quiet.id, bob.id, model::Visibility::private_, {}};
  EXPECT_TRUE(services::stream_rules::may_have_seen(context, alice, gone));
  EXPECT_FALSE(services::stream_rules::may_have_seen(context, carol, gone));
}
