// Threads and full-text search in the store, on both databases: the walk
// survives reply cycles, and the text index follows edits and deletions.
#include "core/snowflake.h"
#include "core/time.h"
#include "store/accounts.h"
#include "store/status_discovery.h"
#include "store/statuses.h"
#include "store/threads.h"
#include "test_databases.h"

using namespace agora;
using namespace agora::store;

class DiscoveryStoreTest : public test_support::DatabaseTest {
 protected:
  int64_t account(Connection& c, const std::string& name) {
    model::NewLocalAccount a;
    a.username = name;
    a.email = name + "@example.org";
    a.confirmed = true;
    a.base_url = "https://example.org";
    return in_transaction(c, [&] { return accounts::insert_local(c, a, now_ms()); }).account_id;
  }

  int64_t status(Connection& c, int64_t author, const std::string& text, std::optional<int64_t> reply_to = {}) {
    model::Status s;
    s.id = next_id();
    s.account_id = author;
    s.uri = "https://example.org/s/" + std::to_string(s.id);
    s.text = text;
    s.in_reply_to_id = reply_to;
    s.created_at = s.updated_at = now_ms();
    in_transaction(c, [&] { statuses::insert(c, s, {}, {}); });
    return s.id;
  }
};
AGORA_ON_BOTH_DATABASES(DiscoveryStoreTest);

TEST_P(DiscoveryStoreTest, ThreadsAreWalkedDepthFirstAndCyclesEnd) {
  auto c = db->acquire();
  int64_t a = account(*c, "alice");
  int64_t root = status(*c, a, "root");
  int64_t r1 = status(*c, a, "r1", root);
  int64_t r2 = status(*c, a, "r2", root);
  int64_t r11 = status(*c, a, "r11", r1);
  int64_t r111 = status(*c, a, "r111", r11);
  EXPECT_EQ(threads::descendant_ids(*c, root, 100, std::nullopt), (std::vector<int64_t>{r1, r11, r111, r2}));
  EXPECT_EQ(threads::descendant_ids(*c, root, 2, std::nullopt), (std::vector<int64_t>{r1, r11}));
  EXPECT_EQ(threads::descendant_ids(*c, root, 100, 1), (std::vector<int64_t>{r1, r2}));
  EXPECT_EQ(threads::ancestor_ids(*c, r111, 100), (std::vector<int64_t>{root, r1, r11}));
  EXPECT_EQ(threads::ancestor_ids(*c, r111, 2), (std::vector<int64_t>{r1, r11}));
  EXPECT_TRUE(threads::ancestor_ids(*c, root, 100).empty());

  // A remote server could make replies go round in a circle; the walk still ends.
  c->execute("UPDATE statuses SET in_reply_to_id = ? WHERE id = ?", {r111, root});
  auto down = threads::descendant_ids(*c, root, 100, std::nullopt);
  EXPECT_EQ(down, (std::vector<int64_t>{r1, r11, r111, r2}));
  auto up = threads::ancestor_ids(*c, r11, 100);
  EXPECT_LE(up.size(), 4u);
}

TEST_P(DiscoveryStoreTest, TheTextIndexFollowsEditsAndDeletions) {
  auto c = db->acquire();
  int64_t a = account(*c, "alice");
  int64_t s = status(*c, a, "Hello wonderful world");
  auto search = [&](const std::string& q) {
    return status_discovery::search(*c, {.viewer = a, .query = q});
  };
  EXPECT_EQ(search("WONDERFUL"), std::vector<int64_t>{s});
  EXPECT_TRUE(search("wonderful OR nothing").empty());  // every word must appear; OR is a word
  c->execute("UPDATE statuses SET text = ? WHERE id = ?", {std::string("Goodbye"), s});
  EXPECT_TRUE(search("wonderful").empty());
  EXPECT_EQ(search("goodbye"), std::vector<int64_t>{s});
  c->execute("DELETE FROM statuses WHERE id = ?", {s});
  EXPECT_TRUE(search("goodbye").empty());
}
