// Emptying an account (the admin delete and the 30-day deletion): the row
// stays with nothing in it, its files are returned for removal, and the
// counters others keep of it are recounted, on both databases.
#include <algorithm>

#include "core/snowflake.h"
#include "core/time.h"
#include "services/follows.h"
#include "store/account_removal.h"
#include "store/accounts.h"
#include "test_databases.h"

using namespace agora;

class AccountRemovalTest : public test_support::ServiceTest {
 protected:
  int64_t status(const model::Account& author, std::optional<int64_t> reply_to = std::nullopt) {
    auto c = db->acquire();
    int64_t id = next_id();
    c->execute("INSERT INTO statuses (id, account_id, uri, local, in_reply_to_id, created_at, updated_at)"
               " VALUES (?, ?, ?, TRUE, ?, ?, ?)",
               {id, author.id, "https://social.example.org/s/" + std::to_string(id),
                reply_to ? store::SqlValue(*reply_to) : store::SqlValue(store::SqlNull{}), now_ms(), now_ms()});
    return id;
  }

  int64_t number(const std::string& sql, int64_t id) {
    auto c = db->acquire();
    return c->query_one(sql, {id})->int64(0);
  }
};

TEST_P(AccountRemovalTest, EmptyingKeepsTheRowAndRecountsWhatOthersCounted) {
  auto alice = account("alice"), bob = account("bob"), carol = account("carol");
  auto context = ctx();
  services::follow(context, bob, alice.id, {});
  services::follow(context, alice, carol.id, {});
  int64_t bobs = status(bob);
  int64_t reply = status(alice, bobs);
  {
    auto c = db->acquire();
    c->execute("INSERT INTO favourites (id, account_id, status_id, created_at) VALUES (?, ?, ?, ?)",
               {next_id(), alice.id, bobs, now_ms()});
    c->execute("UPDATE statuses SET replies_count = 1, favourites_count = 1 WHERE id = ?", {bobs});
    c->execute("INSERT INTO media_attachments (id, account_id, status_id, type, file_key, thumbnail_key,"
               " created_at, updated_at) VALUES (?, ?, ?, 'image', 'm/a.png', 'm/a-small.png', 0, 0)",
               {next_id(), alice.id, reply});
    c->execute("UPDATE accounts SET avatar_file = 'av/a.png', display_name = 'Alice' WHERE id = ?", {alice.id});
  }
  ASSERT_EQ(number("SELECT following_count FROM accounts WHERE id = ?", bob.id), 1);

  std::vector<std::string> keys;
  {
    auto c = db->acquire();
    keys = store::in_transaction(*c, [&] { return store::account_removal::empty_account(*c, alice.id, now_ms(), true); });
  }
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"av/a.png", "m/a-small.png", "m/a.png"}));
  EXPECT_EQ(number("SELECT COUNT(*) FROM accounts WHERE id = ? AND display_name = ''"
                   " AND avatar_file IS NULL AND statuses_count = 0 AND followers_count = 0 AND following_count = 0",
                   alice.id),
            1);
  EXPECT_EQ(number("SELECT COUNT(*) FROM statuses WHERE account_id = ?", alice.id), 0);
  EXPECT_EQ(number("SELECT COUNT(*) FROM media_attachments WHERE account_id = ?", alice.id), 0);
  EXPECT_EQ(number("SELECT following_count FROM accounts WHERE id = ?", bob.id), 0);
  EXPECT_EQ(number("SELECT followers_count FROM accounts WHERE id = ?", carol.id), 0);
  EXPECT_EQ(number("SELECT replies_count FROM statuses WHERE id = ?", bobs), 0);
  EXPECT_EQ(number("SELECT favourites_count FROM statuses WHERE id = ?", bobs), 0);
}

AGORA_ON_BOTH_DATABASES(AccountRemovalTest);
