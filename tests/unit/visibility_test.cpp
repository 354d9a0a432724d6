// Who may see a status: the rule alone over every combination of facts, and
// the same rule over real rows on both databases (follows, mentions, blocks,
// suspensions, boosts).
#include <gtest/gtest.h>

#include "core/config.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/statuses.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/statuses.h"
#include "test_databases.h"

using namespace agora;
using model::Visibility;

namespace {

// Mastodon's audience of each visibility, written as who is addressed.
bool addressed(Visibility v, bool follows, bool mentioned) {
  switch (v) {
    case Visibility::public_:
    case Visibility::unlisted: return true;
    case Visibility::private_: return follows || mentioned;
    default: return mentioned;
  }
}

}  // namespace

TEST(VisibilityRule, EveryCombinationOfFacts) {
  for (auto v : {Visibility::public_, Visibility::unlisted, Visibility::private_, Visibility::direct,
                 Visibility::limited})
    for (int bits = 0; bits < 64; ++bits) {
      services::visibility::Facts f;
      f.signed_in = bits & 1;
      f.own = bits & 2;
      f.author_suspended = bits & 4;
      f.blocked_by_author = bits & 8;
      f.follows_author = bits & 16;
      f.mentioned = bits & 32;
      if (!f.signed_in && (f.own || f.blocked_by_author || f.follows_author || f.mentioned)) continue;
      bool expected = !f.author_suspended &&
                      (f.own || (!f.blocked_by_author && addressed(v, f.follows_author, f.mentioned)));
      EXPECT_EQ(services::visibility::may_see(v, f), expected)
          << model::visibility_name(v) << " facts " << bits;
    }
}

class VisibilityTest : public test_support::ServiceTest {
 protected:

  void sql(const std::string& statement, store::SqlArgs args) { db->acquire()->execute(statement, args); }

  model::Status post(const model::Account& author, const std::string& text, const std::string& visibility) {
    services::NewStatus s;
    s.text = text;
    s.visibility = visibility;
    auto c = ctx();
    return services::post_status(c, author, s);
  }

  bool sees(const std::optional<model::Account>& viewer, const model::Status& s) {
    auto c = db->acquire();
    return services::visibility::visible(*c, viewer ? std::optional<int64_t>(viewer->id) : std::nullopt, s);
  }
};

TEST_P(VisibilityTest, EachViewerSeesWhatTheRuleAllows) {
  auto author = account("author"), follower = account("follower"), mentioned = account("mentioned"),
       stranger = account("stranger"), blocked = account("blocked");
  sql("INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (1, ?, ?, 0)",
      {follower.id, author.id});
  sql("INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (2, ?, ?, 0)",
      {blocked.id, author.id});
  sql("INSERT INTO blocks (id, account_id, target_account_id, created_at) VALUES (3, ?, ?, 0)",
      {author.id, blocked.id});

  std::map<std::string, model::Status> statuses;
  for (std::string v : {"public", "unlisted", "private", "direct"}) statuses[v] = post(author, "hi @mentioned", v);

  struct Case {
    std::optional<model::Account> viewer;
    std::set<std::string> visible;
  };
  std::vector<Case> cases = {
      {author, {"public", "unlisted", "private", "direct"}},
      {follower, {"public", "unlisted", "private"}},
      {mentioned, {"public", "unlisted", "private", "direct"}},
      {stranger, {"public", "unlisted"}},
      {blocked, {}},
      {std::nullopt, {"public", "unlisted"}},
  };
  for (const auto& c : cases)
    for (const auto& [v, s] : statuses)
      EXPECT_EQ(sees(c.viewer, s), c.visible.contains(v)) << (c.viewer ? c.viewer->username : "anonymous") << " " << v;

  // Suspending the author hides everything, even from themselves.
  sql("UPDATE accounts SET suspended_at = 1 WHERE id = ?", {author.id});
  for (const auto& [v, s] : statuses) EXPECT_FALSE(sees(author, s)) << v;
}

TEST_P(VisibilityTest, ABoostIsVisibleOnlyWithTheBoostedStatus) {
  auto author = account("author"), booster = account("booster"), viewer = account("viewer");
  auto original = post(author, "original", "public");
  model::Status boost;
  boost.id = original.id + 1;
  boost.account_id = booster.id;
  boost.uri = "https://social.example.org/users/booster/statuses/1/activity";
  boost.reblog_of_id = original.id;
  boost.created_at = boost.updated_at = now_ms();
  {
    auto c = db->acquire();
    store::in_transaction(*c, [&] { store::statuses::insert(*c, boost, {}, {}); });
  }
  EXPECT_TRUE(sees(viewer, boost));
  sql("INSERT INTO blocks (id, account_id, target_account_id, created_at) VALUES (9, ?, ?, 0)", {author.id, viewer.id});
  EXPECT_FALSE(sees(viewer, boost));
  EXPECT_TRUE(sees(std::nullopt, boost));
}

TEST_P(VisibilityTest, RequireVisibleAnswersNotFoundForHiddenAndMissing) {
  auto author = account("author"), stranger = account("stranger");
  auto dm = post(author, "secret", "direct");
  auto c = db->acquire();
  EXPECT_THROW(services::visibility::require_visible(*c, stranger.id, dm.id), Error);
  EXPECT_THROW(services::visibility::require_visible(*c, stranger.id, dm.id + 12345), Error);
  EXPECT_EQ(services::visibility::require_visible(*c, author.id, dm.id).id, dm.id);
}

AGORA_ON_BOTH_DATABASES(VisibilityTest);
