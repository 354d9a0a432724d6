// The relationship rules on both databases: counters, locked accounts,
// what a block ends, mute expiry, limits and bad input.
#include <boost/json.hpp>

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/blocks.h"
#include "services/endorsements.h"
#include "services/follows.h"
#include "services/mutes.h"
#include "services/relationships.h"
#include "services/suggestions.h"
#include "store/accounts.h"
#include "test_databases.h"

using namespace agora;

class RelationshipsTest : public test_support::DatabaseTest {
 protected:
  Config config = load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "social.example.org"}});

  services::Context ctx() { return {config, *db}; }

  model::Account account(const std::string& username, bool locked = false) {
    auto c = db->acquire();
    model::NewLocalAccount a;
    a.username = username;
    a.email = username + "@example.org";
    a.confirmed = true;
    a.base_url = "https://social.example.org";
    auto created = store::accounts::insert_local(*c, a, now_ms());
    if (locked) c->execute("UPDATE accounts SET locked = ? WHERE id = ?", {true, created.account_id});
    return *store::accounts::find(*c, created.account_id);
  }

  std::pair<int64_t, int64_t> counts(const model::Account& a) {
    auto c = db->acquire();
    auto fresh = store::accounts::find(*c, a.id);
    return {fresh->followers_count, fresh->following_count};
  }

  int64_t count(const std::string& sql) {
    auto c = db->acquire();
    return c->query_one(sql)->int64(0);
  }

  static model::PageRequest page(int limit, std::optional<int64_t> max_id = std::nullopt) {
    model::PageRequest p;
    p.limit = limit;
    p.max_id = max_id;
    return p;
  }

  static model::FollowOptions options(std::optional<bool> reblogs, std::optional<bool> notify = std::nullopt,
                                      std::optional<std::vector<std::string>> languages = std::nullopt) {
    model::FollowOptions o;
    o.reblogs = reblogs;
    o.notify = notify;
    o.languages = std::move(languages);
    return o;
  }

  int status_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 200;
  }
};
AGORA_ON_BOTH_DATABASES(RelationshipsTest);

TEST_P(RelationshipsTest, FollowAndUnfollowKeepCountersAndNotifications) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob");
  auto r = services::follow(c, alice, bob.id, {});
  EXPECT_TRUE(r.following);
  EXPECT_TRUE(r.showing_reblogs);
  EXPECT_FALSE(r.notifying);
  EXPECT_EQ(counts(alice), std::make_pair(int64_t{0}, int64_t{1}));
  EXPECT_EQ(counts(bob), std::make_pair(int64_t{1}, int64_t{0}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE type = 'follow'"), 1);

  services::follow(c, alice, bob.id, options(false));  // again: options only
  EXPECT_EQ(counts(bob).first, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications"), 1);
  EXPECT_FALSE(services::relationship(*db->acquire(), alice.id, bob.id).showing_reblogs);
  EXPECT_TRUE(services::relationship(*db->acquire(), bob.id, alice.id).followed_by);

  r = services::unfollow(c, alice, bob.id);
  EXPECT_FALSE(r.following);
  EXPECT_EQ(counts(alice), std::make_pair(int64_t{0}, int64_t{0}));
  EXPECT_EQ(counts(bob), std::make_pair(int64_t{0}, int64_t{0}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications"), 0);
  services::unfollow(c, alice, bob.id);
  EXPECT_EQ(counts(bob).first, 0);  // never below zero
}

TEST_P(RelationshipsTest, LockedAccountsDecideOnRequests) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob", true);
  auto r = services::follow(c, alice, bob.id, options(std::nullopt, true, std::vector<std::string>{"de"}));
  EXPECT_FALSE(r.following);
  EXPECT_TRUE(r.requested);
  EXPECT_TRUE(r.notifying);
  ASSERT_TRUE(r.languages);
  EXPECT_EQ(*r.languages, std::vector<std::string>{"de"});
  EXPECT_EQ(counts(bob).first, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE type = 'follow_request'"), 1);

  auto requests = services::follow_requests(c, bob, page(40));
  ASSERT_EQ(requests.items.size(), 1u);
  EXPECT_EQ(requests.items[0].id, alice.id);
  EXPECT_TRUE(requests.prev_since_id);
  EXPECT_FALSE(requests.next_max_id);

  r = services::authorize_follow_request(c, bob, alice.id);
  EXPECT_TRUE(r.followed_by);
  auto seen_by_alice = services::relationship(*db->acquire(), alice.id, bob.id);
  EXPECT_TRUE(seen_by_alice.following);
  EXPECT_TRUE(seen_by_alice.notifying);  // the request's options carry over
  EXPECT_EQ(counts(bob).first, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE type = 'follow_request'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE type = 'follow'"), 1);
  EXPECT_EQ(status_of([&] { services::authorize_follow_request(c, bob, alice.id); }), 404);
  EXPECT_EQ(status_of([&] { services::reject_follow_request(c, bob, alice.id); }), 404);

  auto carol = account("carol");
  services::follow(c, carol, bob.id, {});
  services::reject_follow_request(c, bob, carol.id);
  EXPECT_FALSE(services::relationship(*db->acquire(), carol.id, bob.id).requested);
  EXPECT_EQ(counts(bob).first, 1);
}

TEST_P(RelationshipsTest, BlockingEndsEverythingBetweenTheTwo) {
  auto c = ctx();
  auto alice = account("alice", true), bob = account("bob");
  services::follow(c, alice, bob.id, {});
  services::endorse(c, alice, bob.id);
  services::follow(c, bob, alice.id, {});  // a request: alice is locked
  ASSERT_TRUE(services::relationship(*db->acquire(), alice.id, bob.id).requested_by);

  auto r = services::block(c, alice, bob.id);
  EXPECT_TRUE(r.blocking);
  EXPECT_FALSE(r.following);
  EXPECT_FALSE(r.requested_by);
  EXPECT_FALSE(r.endorsed);
  EXPECT_EQ(counts(alice), std::make_pair(int64_t{0}, int64_t{0}));
  EXPECT_EQ(counts(bob), std::make_pair(int64_t{0}, int64_t{0}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM follow_requests"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM account_pins"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications"), 0);
  EXPECT_EQ(status_of([&] { services::follow(c, bob, alice.id, {}); }), 403);
  EXPECT_EQ(status_of([&] { services::follow(c, alice, bob.id, {}); }), 403);

  services::unblock(c, alice, bob.id);
  EXPECT_FALSE(services::relationship(*db->acquire(), bob.id, alice.id).blocked_by);
  EXPECT_EQ(status_of([&] { services::follow(c, alice, bob.id, {}); }), 200);
}

TEST_P(RelationshipsTest, ExpiredMutesStopCounting) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob");
  auto r = services::mute(c, alice, bob.id, std::nullopt, 3600);
  EXPECT_TRUE(r.muting);
  EXPECT_TRUE(r.muting_notifications);
  ASSERT_TRUE(r.muting_expires_at);
  EXPECT_NEAR(static_cast<double>(*r.muting_expires_at - now_ms()), 3600e3, 60e3);
  EXPECT_EQ(services::mutes(c, alice, page(40)).items.size(), 1u);

  db->acquire()->execute("UPDATE mutes SET expires_at = ?", {now_ms() - 1});
  EXPECT_FALSE(services::relationship(*db->acquire(), alice.id, bob.id).muting);
  EXPECT_TRUE(services::mutes(c, alice, page(40)).items.empty());
  // An expired mute no longer hides notifications.
  services::follow(c, bob, alice.id, {});
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications"), 1);

  r = services::mute(c, alice, bob.id, false, 0);
  EXPECT_TRUE(r.muting);
  EXPECT_FALSE(r.muting_notifications);
  EXPECT_FALSE(r.muting_expires_at);
  EXPECT_FALSE(services::unmute(c, alice, bob.id).muting);
}

TEST_P(RelationshipsTest, RefusesWhatMastodonRefuses) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob");
  EXPECT_EQ(status_of([&] { services::follow(c, alice, alice.id, {}); }), 404);
  EXPECT_EQ(status_of([&] { services::follow(c, alice, next_id(), {}); }), 404);
  EXPECT_EQ(status_of([&] {
              services::follow(c, alice, bob.id, options(std::nullopt, std::nullopt, std::vector<std::string>{"en", "xx-nope"}));
            }),
            422);
  EXPECT_EQ(status_of([&] { services::endorse(c, alice, bob.id); }), 422);
  EXPECT_EQ(status_of([&] { services::set_account_note(c, alice, bob.id, std::string(2001, 'x')); }), 422);
  EXPECT_EQ(status_of([&] { services::block_domain(c, alice, "no spaces.example"); }), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM follows") + count("SELECT COUNT(*) FROM account_domain_blocks"), 0);

  // The follow limit: 7,500, or 110 % of one's followers past that.
  db->acquire()->execute("UPDATE accounts SET following_count = 7500, followers_count = 6000 WHERE id = ?", {alice.id});
  try {
    services::follow(c, alice, bob.id, {});
    ADD_FAILURE() << "followed past the limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.message(), "Validation failed: You cannot follow more than 7500 people");
  }
  db->acquire()->execute("UPDATE accounts SET followers_count = 7000 WHERE id = ?", {alice.id});  // limit 7,700
  EXPECT_TRUE(services::follow(c, alice, bob.id, {}).following);
}

TEST_P(RelationshipsTest, DomainBlocksDropFollowersThere) {
  auto c = ctx();
  auto alice = account("alice");
  int64_t remote = next_id(), now = now_ms();
  db->acquire()->execute(
      "INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES (?, 'eve', 'bad.example', "
      "'https://bad.example/users/eve', ?, ?)",
      {remote, now, now});
  auto eve = *store::accounts::find(*db->acquire(), remote);
  // A remote account's follow arrives through federation; here it is written as it would be.
  db->acquire()->execute(
      "INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)",
      {next_id(), eve.id, alice.id, now});
  db->acquire()->execute("UPDATE accounts SET followers_count = 1 WHERE id = ?", {alice.id});
  db->acquire()->execute("UPDATE accounts SET following_count = 1 WHERE id = ?", {eve.id});

  services::block_domain(c, alice, "BAD.example");
  EXPECT_EQ(count("SELECT COUNT(*) FROM follows"), 0);
  EXPECT_EQ(counts(alice).first, 0);
  EXPECT_TRUE(services::relationship(*db->acquire(), alice.id, eve.id).domain_blocking);
  EXPECT_EQ(status_of([&] { services::follow(c, alice, eve.id, {}); }), 403);
  EXPECT_EQ(services::domain_blocks(c, alice, page(100)).items, std::vector<std::string>{"bad.example"});

  // Following a remote account always starts as a request (it answers with Accept).
  services::unblock_domain(c, alice, "bad.example");
  auto r = services::follow(c, alice, eve.id, {});
  EXPECT_TRUE(r.requested);
  EXPECT_FALSE(r.following);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications"), 0);
}

TEST_P(RelationshipsTest, FollowersPagesCarryCursorsAndRespectHiddenCollections) {
  auto c = ctx();
  auto star = account("star");
  std::vector<model::Account> fans;
  for (const char* name : {"f1", "f2", "f3"}) {
    fans.push_back(account(name));
    services::follow(c, fans.back(), star.id, {});
  }
  auto first = services::followers(c, std::nullopt, star.id, page(2));
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].id, fans[2].id);
  ASSERT_TRUE(first.next_max_id);
  auto second = services::followers(c, std::nullopt, star.id, page(2, first.next_max_id));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].id, fans[0].id);
  EXPECT_FALSE(second.next_max_id);

  db->acquire()->execute("UPDATE accounts SET hide_collections = ? WHERE id = ?", {true, star.id});
  star = *store::accounts::find(*db->acquire(), star.id);
  EXPECT_TRUE(services::followers(c, fans[0], star.id, page(40)).items.empty());
  EXPECT_EQ(services::followers(c, star, star.id, page(40)).items.size(), 3u);
}

TEST_P(RelationshipsTest, SuggestionsSkipWhoIsAlreadyKnownOrDismissed) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob"), carol = account("carol"), dave = account("dave");
  services::follow(c, alice, bob.id, {});
  services::follow(c, bob, carol.id, {});
  services::follow(c, dave, carol.id, {});
  auto s = services::suggestions(c, alice, 40, 0);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].account.id, carol.id);
  EXPECT_EQ(s[0].sources, (std::vector<std::string>{"friends_of_friends", "most_followed"}));
  services::dismiss_suggestion(c, alice, carol.id);
  services::dismiss_suggestion(c, alice, carol.id);
  EXPECT_TRUE(services::suggestions(c, alice, 40, 0).empty());
}
