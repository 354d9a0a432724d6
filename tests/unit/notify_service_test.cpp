// services::notify on both databases: group keys that keep a group for 12
// hours, and the notification policy (accept, filter into requests, drop).
#include "core/time.h"
#include "services/notify.h"
#include "services/statuses.h"
#include "store/accounts.h"
#include "store/notification_policies.h"
#include "test_databases.h"

using namespace agora;

class NotifyTest : public test_support::ServiceTest {
 protected:

  int64_t status_by(const model::Account& author) {
    services::NewStatus s;
    s.text = "hello";
    auto context = ctx();
    return services::post_status(context, author, s).id;
  }

  // (group_key or "", filtered) of the recipient's notifications, oldest first.
  std::vector<std::pair<std::string, bool>> stored(const model::Account& recipient) {
    auto c = db->acquire();
    std::vector<std::pair<std::string, bool>> out;
    for (const auto& r : c->query("SELECT group_key, filtered FROM notifications WHERE account_id = ? ORDER BY id",
                                  {recipient.id}))
      out.emplace_back(r.text(0), r.boolean(1));
    return out;
  }
};

TEST_P(NotifyTest, FavouritesOfAStatusShareAGroupForTwelveHours) {
  auto alice = account("alice"), bob = account("bob"), carol = account("carol");
  int64_t sid = status_by(alice);
  constexpr int64_t hour = 3600'000;
  int64_t t0 = (now_ms() / hour) * hour;
  auto c = db->acquire();
  services::notify(*c, alice.id, bob.id, "favourite", t0, sid);
  services::notify(*c, alice.id, carol.id, "favourite", t0 + 5 * hour, sid);
  services::notify(*c, alice.id, bob.id, "favourite", t0 + 17 * hour, sid);  // the group started 17 hours ago
  services::notify(*c, alice.id, carol.id, "follow", t0 + 17 * hour);
  services::notify(*c, alice.id, alice.id, "favourite", t0, sid);  // never about oneself
  std::string prefix = "favourite-" + std::to_string(sid) + "-";
  auto rows = stored(alice);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].first, prefix + std::to_string(t0 / hour));
  EXPECT_EQ(rows[1].first, rows[0].first);
  EXPECT_EQ(rows[2].first, prefix + std::to_string(t0 / hour + 17));
  EXPECT_EQ(rows[3].first, "follow-" + std::to_string(t0 / hour + 17));
}

TEST_P(NotifyTest, PolicyFiltersIntoRequestsDropsAndLetsAcceptedSendersThrough) {
  auto alice = account("alice"), bob = account("bob"), carol = account("carol");
  int64_t sid = status_by(bob);
  auto c = db->acquire();
  model::NotificationPolicy policy;
  policy.for_not_following = "filter";
  store::notification_policies::save(*c, alice.id, policy, now_ms());

  services::notify(*c, alice.id, bob.id, "mention", now_ms(), sid);
  services::notify(*c, alice.id, bob.id, "status", now_ms(), sid);  // not filterable
  auto rows = stored(alice);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].second);
  EXPECT_FALSE(rows[1].second);
  auto requests = store::notification_policies::requests(*c, alice.id, model::PageRequest{});
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].from_account_id, bob.id);
  EXPECT_EQ(requests[0].last_status_id, sid);
  EXPECT_EQ(requests[0].notifications_count, 1);

  // A filtered favourite has no group and opens no request.
  services::notify(*c, alice.id, carol.id, "favourite", now_ms(), sid);
  EXPECT_EQ(stored(alice)[2], std::make_pair(std::string(), true));
  EXPECT_EQ(store::notification_policies::requests(*c, alice.id, model::PageRequest{}).size(), 1u);

  store::notification_policies::permit(*c, alice.id, bob.id, now_ms());
  services::notify(*c, alice.id, bob.id, "mention", now_ms(), sid);
  EXPECT_FALSE(stored(alice)[3].second);

  policy.for_not_following = "drop";
  store::notification_policies::save(*c, alice.id, policy, now_ms());
  services::notify(*c, alice.id, carol.id, "mention", now_ms(), sid);
  EXPECT_EQ(stored(alice).size(), 4u);
}

AGORA_ON_BOTH_DATABASES(NotifyTest);
