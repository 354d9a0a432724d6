// Lists, markers and filters on both databases: ownership, the follow rule
// for list members, what unfollowing removes, marker versions, nested
// keyword attributes and which filters are active.
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/filters.h"
#include "services/follows.h"
#include "services/lists.h"
#include "services/markers.h"
#include "store/accounts.h"
#include "store/filters.h"
#include "store/lists.h"
#include "test_databases.h"

using namespace agora;

class ListsFiltersTest : public test_support::ServiceTest {
 protected:

  int64_t status_of(const model::Account& a) {
    auto c = db->acquire();
    int64_t id = next_id();
    c->execute("INSERT INTO statuses (id, account_id, uri, local, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
               {id, a.id, "https://social.example.org/s/" + std::to_string(id), true, now_ms(), now_ms()});
    return id;
  }

  static int status_of_error(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 0;
  }
  static std::string message_of_error(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.message();
    }
    return "";
  }
};

TEST_P(ListsFiltersTest, ListsBelongToTheirOwner) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob");
  auto l = services::create_list(c, alice, {"Friends", std::nullopt, std::nullopt});
  EXPECT_EQ(l.replies_policy, "list");
  EXPECT_FALSE(l.exclusive);
  auto updated = services::update_list(c, alice, l.id, {std::nullopt, "followed", true});
  EXPECT_EQ(updated.title, "Friends");
  EXPECT_EQ(updated.replies_policy, "followed");
  EXPECT_TRUE(updated.exclusive);
  EXPECT_EQ(status_of_error([&] { services::list(c, bob, l.id); }), 404);
  EXPECT_EQ(status_of_error([&] { services::update_list(c, bob, l.id, {"Mine", std::nullopt, std::nullopt}); }), 404);
  EXPECT_EQ(status_of_error([&] { services::delete_list(c, bob, l.id); }), 404);
  EXPECT_EQ(message_of_error([&] { services::create_list(c, alice, {"  ", std::nullopt, std::nullopt}); }),
            "Validation failed: Title can't be blank");
  EXPECT_EQ(message_of_error([&] { services::update_list(c, alice, l.id, {std::nullopt, "all", std::nullopt}); }),
            "'all' is not a valid replies_policy");
  EXPECT_EQ(services::list(c, alice, l.id).replies_policy, "followed");  // nothing half-saved
  services::delete_list(c, alice, l.id);
  EXPECT_TRUE(services::lists(c, alice).empty());
}

TEST_P(ListsFiltersTest, AnAccountMayHaveFiftyLists) {
  auto c = ctx();
  auto alice = account("alice");
  for (int i = 0; i < 50; ++i) services::create_list(c, alice, {"L" + std::to_string(i), std::nullopt, std::nullopt});
  EXPECT_EQ(message_of_error([&] { services::create_list(c, alice, {"one more", std::nullopt, std::nullopt}); }),
            "Validation failed: You have reached the maximum number of lists");
}

TEST_P(ListsFiltersTest, MembersMustBeFollowedAndLeaveWithTheFollow) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob"), carol = account("carol");
  auto friends = services::create_list(c, alice, {"Friends", std::nullopt, std::nullopt});
  auto quiet = services::create_list(c, alice, {"Quiet", std::nullopt, true});
  EXPECT_EQ(status_of_error([&] { services::add_list_members(c, alice, friends.id, {bob.id}); }), 404);
  services::follow(c, alice, bob.id, {});
  services::follow(c, alice, carol.id, {});
  // All or nothing: bob is not added when carol's id is unknown.
  EXPECT_EQ(status_of_error([&] { services::add_list_members(c, alice, friends.id, {bob.id, 424242}); }), 404);
  EXPECT_TRUE(services::list_members(c, alice, friends.id, {.limit = 0}).items.empty());
  services::add_list_members(c, alice, friends.id, {bob.id, carol.id, alice.id});
  services::add_list_members(c, alice, quiet.id, {carol.id});
  EXPECT_EQ(message_of_error([&] { services::add_list_members(c, alice, friends.id, {bob.id}); }),
            "Validation failed: Account has already been taken");

  auto page = services::list_members(c, alice, friends.id, {.limit = 2});
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_TRUE(page.next_max_id.has_value());
  EXPECT_EQ(services::list_members(c, alice, friends.id, {.limit = 0}).items.size(), 3u);

  auto conn = db->acquire();
  EXPECT_EQ(store::lists::lists_containing(*conn, alice.id, carol.id), (std::vector<int64_t>{friends.id, quiet.id}));
  EXPECT_EQ(store::lists::exclusive_list_members(*conn, alice.id), std::vector<int64_t>{carol.id});
  EXPECT_EQ(services::lists_with_account(c, alice, bob.id).size(), 1u);
  EXPECT_TRUE(services::lists_with_account(c, bob, carol.id).empty());  // only the viewer's own lists

  services::unfollow(c, alice, carol.id);
  EXPECT_TRUE(store::lists::lists_containing(*conn, alice.id, carol.id).empty());
  EXPECT_TRUE(store::lists::exclusive_list_members(*conn, alice.id).empty());
  EXPECT_EQ(store::lists::lists_containing(*conn, alice.id, bob.id), std::vector<int64_t>{friends.id});

  services::remove_list_members(c, alice, friends.id, {bob.id, 999});
  EXPECT_EQ(services::list_members(c, alice, friends.id, {.limit = 0}).items.size(), 1u);  // alice herself
}

TEST_P(ListsFiltersTest, MarkersCountTheirChanges) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob");
  auto saved = services::save_markers(c, alice, {{"home", "100"}, {"notifications", "7"}, {"public", "3"}});
  ASSERT_EQ(saved.size(), 2u);
  EXPECT_EQ(saved[0].version, 0);
  saved = services::save_markers(c, alice, {{"home", "100"}});
  EXPECT_EQ(saved[0].version, 0);  // unchanged: not saved again
  saved = services::save_markers(c, alice, {{"home", "120"}});
  EXPECT_EQ(saved[0].version, 1);
  EXPECT_EQ(saved[0].last_read_id, 120);
  auto read = services::markers(c, alice, {"notifications", "home", "home", "nope"});
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].timeline, "notifications");
  EXPECT_TRUE(services::markers(c, bob, {"home"}).empty());
  EXPECT_EQ(message_of_error([&] { services::save_markers(c, bob, {{"home", "5"}, {"notifications", std::nullopt}}); }),
            "Validation failed: Last read can't be blank");
  EXPECT_TRUE(services::markers(c, bob, {"home"}).empty());  // all or nothing
}

TEST_P(ListsFiltersTest, FiltersTakeNestedKeywords) {
  auto c = ctx();
  auto alice = account("alice"), bob = account("bob");
  services::FilterChanges create;
  create.title = "Spoilers";
  create.context = std::vector<std::string>{" home ", "", "thread"};
  create.action = "hide";
  create.keywords = {{std::nullopt, "tv show", false}, {std::nullopt, "", std::nullopt, false, true}};
  auto f = services::create_filter(c, alice, create);
  EXPECT_EQ(f.context, (std::vector<std::string>{"home", "thread"}));
  ASSERT_EQ(f.keywords.size(), 1u);  // the all-blank entry is skipped
  EXPECT_FALSE(f.keywords[0].whole_word);

  services::FilterChanges update;
  update.keywords = {{f.keywords[0].id, "movie", std::nullopt}, {std::nullopt, "book", std::nullopt}};
  auto updated = services::update_filter(c, alice, f.id, update);
  ASSERT_EQ(updated.keywords.size(), 2u);
  EXPECT_EQ(updated.keywords[0].keyword, "movie");
  EXPECT_TRUE(updated.keywords[1].whole_word);
  update.keywords = {{updated.keywords[0].id, std::nullopt, std::nullopt, true}};
  updated = services::update_filter(c, alice, f.id, update);
  EXPECT_EQ(services::filter(c, alice, f.id).keywords.size(), 1u);

  // Another filter's keyword id is not found; bob cannot see alice's filter.
  services::FilterChanges other = create;
  other.keywords = {};
  auto g = services::create_filter(c, alice, other);
  update.keywords = {{updated.keywords[0].id, "x", std::nullopt}};
  EXPECT_EQ(status_of_error([&] { services::update_filter(c, alice, g.id, update); }), 404);
  EXPECT_EQ(status_of_error([&] { services::filter(c, bob, f.id); }), 404);

  services::FilterChanges bad;
  bad.keywords = {{std::nullopt, " ", true}};
  EXPECT_EQ(message_of_error([&] { services::create_filter(c, alice, bad); }),
            "Validation failed: Keywords keyword can't be blank, Title can't be blank, Context can't be blank, "
            "Context none or invalid context supplied");
  bad = create;
  bad.context = std::vector<std::string>{"home", "everywhere"};
  EXPECT_EQ(message_of_error([&] { services::create_filter(c, alice, bad); }),
            "Validation failed: Context none or invalid context supplied");
  bad = create;
  bad.action = "mute";
  EXPECT_EQ(message_of_error([&] { services::create_filter(c, alice, bad); }), "'mute' is not a valid action");
  EXPECT_EQ(services::filters(c, alice).size(), 2u);
}

TEST_P(ListsFiltersTest, ActiveFiltersLeaveOutExpiredOnesAndCarryTheirRules) {
  auto c = ctx();
  auto alice = account("alice");
  services::FilterChanges base;
  base.title = "t";
  base.context = std::vector<std::string>{"home"};
  base.keywords = {{std::nullopt, "a", true}, {std::nullopt, "b", false}};
  auto lasting = services::create_filter(c, alice, base);
  base.expires_in = std::optional<int64_t>(3600);
  auto hour = services::create_filter(c, alice, base);
  base.expires_in = std::optional<int64_t>(0);
  auto expired = services::create_filter(c, alice, base);
  int64_t s = status_of(alice);
  auto rule = services::add_filter_status(c, alice, hour.id, std::to_string(s));
  EXPECT_EQ(message_of_error([&] { services::add_filter_status(c, alice, hour.id, std::to_string(s)); }),
            "Validation failed: Status has already been taken");
  EXPECT_EQ(message_of_error([&] { services::add_filter_status(c, alice, hour.id, "12345"); }),
            "Validation failed: Status must exist");

  auto conn = db->acquire();
  auto active = store::filters::active_for(*conn, alice.id, now_ms() + 1);
  ASSERT_EQ(active.size(), 2u);
  EXPECT_EQ(active[0].id, lasting.id);
  EXPECT_EQ(active[0].keywords.size(), 2u);
  EXPECT_TRUE(active[0].statuses.empty());
  EXPECT_EQ(active[1].id, hour.id);
  ASSERT_EQ(active[1].statuses.size(), 1u);
  EXPECT_EQ(active[1].statuses[0].id, rule.id);
  EXPECT_EQ(store::filters::active_for(*conn, alice.id, now_ms() + 2 * 3600 * 1000).size(), 1u);
  EXPECT_EQ(services::filters(c, alice).size(), 3u);  // the API still lists expired ones
  (void)expired;
}

TEST_P(ListsFiltersTest, V1FiltersAreKeywords) {
  auto c = ctx();
  auto alice = account("alice");
  auto v1 = services::create_v1_filter(c, alice, {"nope", std::vector<std::string>{"home"}, true, std::nullopt, std::nullopt});
  EXPECT_EQ(v1.filter.title, "nope");
  EXPECT_EQ(v1.filter.action, "hide");
  EXPECT_TRUE(v1.keyword.whole_word);
  auto changed = services::update_v1_filter(c, alice, v1.keyword.id,
                                            {"yes", std::nullopt, false, false, std::nullopt});
  EXPECT_EQ(changed.keyword.keyword, "yes");
  EXPECT_EQ(changed.filter.title, "yes");
  EXPECT_EQ(changed.filter.action, "warn");
  services::add_filter_keyword(c, alice, v1.filter.id, {std::nullopt, "second", std::nullopt});
  EXPECT_EQ(services::v1_filters(c, alice).size(), 2u);
  EXPECT_EQ(status_of_error([&] {
              services::update_v1_filter(c, alice, v1.keyword.id, {std::nullopt, std::nullopt, true, std::nullopt,
                                                                   std::nullopt});
            }),
            422);
  // Changing only the keyword is fine with several keywords.
  services::update_v1_filter(c, alice, v1.keyword.id, {std::nullopt, std::nullopt, std::nullopt, true, std::nullopt});
  services::delete_v1_filter(c, alice, v1.keyword.id);
  EXPECT_EQ(services::v1_filters(c, alice).size(), 1u);
  EXPECT_EQ(services::filters(c, alice).size(), 1u);  // the filter stays
}

AGORA_ON_BOTH_DATABASES(ListsFiltersTest);
