#include <atomic>
#include <thread>

#include "core/snowflake.h"
#include "core/time.h"
#include "store/accounts.h"
#include "store/instance_stats.h"
#include "store/settings.h"
#include "test_databases.h"

using namespace agora;
using namespace agora::store;

class StoreTest : public test_support::DatabaseTest {};
AGORA_ON_BOTH_DATABASES(StoreTest);

TEST_P(StoreTest, MigrationsApplyOnceAndCreateTheSchema) {
  auto c = db->acquire();
  EXPECT_TRUE(pending_migrations(*c).empty());
  EXPECT_TRUE(migrate(*c).empty());  // a second run does nothing
  for (const char* table : {"accounts", "users", "statuses", "follows", "favourites", "notifications",
                            "oauth_applications", "oauth_access_tokens", "media_attachments", "jobs"}) {
    EXPECT_NO_THROW(c->query(std::string("SELECT COUNT(*) FROM ") + table)) << table;
  }
}

TEST_P(StoreTest, ValuesRoundTripWithTheirTypes) {
  auto c = db->acquire();
  int64_t id = next_id();
  c->execute(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)",
      {std::string("greeting"), std::string("Grüße 🐘 'quoted' ?"), id});
  auto row = c->query_one("SELECT key, value, updated_at, NULL FROM settings WHERE key = ?", {std::string("greeting")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(1), "Grüße 🐘 'quoted' ?");
  EXPECT_EQ(row->int64(2), id);  // full 64-bit snowflake survives
  EXPECT_TRUE(row->is_null(3));
  EXPECT_FALSE(c->query_one("SELECT 1 FROM settings WHERE key = ?", {std::string("missing")}));
}

TEST_P(StoreTest, BooleansReadBackOnBothDatabases) {
  auto c = db->acquire();
  int64_t now = now_ms();
  c->execute("INSERT INTO domain_blocks (id, domain, reject_media, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
             {next_id(), std::string("bad.example"), true, now, now});
  auto row = c->query_one("SELECT reject_media, reject_reports FROM domain_blocks WHERE reject_media = ?", {true});
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->boolean(0));
  EXPECT_FALSE(row->boolean(1));
}

TEST_P(StoreTest, UniqueViolationsAreTyped) {
  auto c = db->acquire();
  int64_t now = now_ms();
  c->execute("INSERT INTO domain_blocks (id, domain, created_at, updated_at) VALUES (?, ?, ?, ?)",
             {next_id(), std::string("dup.example"), now, now});
  EXPECT_THROW(c->execute("INSERT INTO domain_blocks (id, domain, created_at, updated_at) VALUES (?, ?, ?, ?)",
                          {next_id(), std::string("dup.example"), now, now}),
               UniqueViolation);
  EXPECT_THROW(c->query("SELECT no_such_column FROM accounts"), DatabaseError);
}

// Two transactions that lock the same two rows in opposite orders: PostgreSQL
// aborts one, and the job runner must see that as a conflict worth an early
// retry, not as a broken job. (SQLite's single writer cannot deadlock.)
TEST_P(StoreTest, DeadlocksAreTypedAsTransactionConflicts) {
  if (GetParam() != Dialect::postgres) GTEST_SKIP() << "one writer at a time on SQLite";
  {
    auto c = db->acquire();
    settings::put(*c, "first", "0");
    settings::put(*c, "second", "0");
  }
  std::atomic<int> locked_first{0}, conflicts{0}, other_errors{0};
  auto contend = [&](const std::string& mine, const std::string& theirs) {
    auto c = db->acquire();
    try {
      in_transaction(*c, [&] {
        settings::put(*c, mine, "1");
        ++locked_first;
        while (locked_first < 2) std::this_thread::yield();
        settings::put(*c, theirs, "1");
      });
    } catch (const TransactionConflict&) {
      ++conflicts;
    } catch (const std::exception&) {
      ++other_errors;
    }
  };
  std::thread one(contend, "first", "second"), two(contend, "second", "first");
  one.join();
  two.join();
  EXPECT_EQ(conflicts, 1);
  EXPECT_EQ(other_errors, 0);
}

TEST_P(StoreTest, FailedTransactionsLeaveNothingBehind) {
  auto c = db->acquire();
  EXPECT_THROW(in_transaction(*c,
                              [&] {
                                settings::put(*c, "a", "1");
                                throw std::runtime_error("boom");
                              }),
               std::runtime_error);
  EXPECT_TRUE(settings::load_all(*c).empty());
  in_transaction(*c, [&] { settings::put(*c, "a", "1"); });
  settings::put(*c, "a", "2");  // upsert
  EXPECT_EQ(settings::load_all(*c).at("a"), "2");
}

TEST_P(StoreTest, AfterCommitCallbacksRunOnlyOnceTheDataIsCommitted) {
  auto c = db->acquire();
  std::vector<std::string> seen;
  in_transaction(*c, [&] {
    settings::put(*c, "a", "1");
    c->after_commit([&] { seen.push_back(settings::load_all(*db->acquire()).at("a")); });  // another connection
    EXPECT_TRUE(seen.empty());
  });
  EXPECT_EQ(seen, std::vector<std::string>{"1"});

  EXPECT_THROW(in_transaction(*c,
                              [&] {
                                c->after_commit([&] { seen.push_back("rolled back"); });
                                throw std::runtime_error("boom");
                              }),
               std::runtime_error);
  in_transaction(*c, [] {});
  c->after_commit([&] { seen.push_back("no transaction: at once"); });
  EXPECT_EQ(seen, (std::vector<std::string>{"1", "no transaction: at once"}));
}

TEST_P(StoreTest, ConcurrentWritersAllSucceed) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([this, t] {
      for (int i = 0; i < 25; ++i) {
        auto c = db->acquire();
        in_transaction(*c, [&] { settings::put(*c, "k" + std::to_string(t) + "_" + std::to_string(i), "v"); });
      }
    });
  for (auto& th : threads) th.join();
  auto c = db->acquire();
  EXPECT_EQ(settings::load_all(*c).size(), 100u);
}

TEST_P(StoreTest, LocalAccountsAreUniqueByUsernameAndEmailIgnoringCase) {
  auto c = db->acquire();
  model::NewLocalAccount a{.username = "Alice", .email = "alice@example.org", .password_hash = "x",
                           .public_key_pem = "pub", .private_key_pem = "priv", .base_url = "https://ex.org"};
  auto created = in_transaction(*c, [&] { return accounts::insert_local(*c, a, now_ms()); });
  EXPECT_GT(created.account_id, 0);
  EXPECT_TRUE(accounts::username_taken(*c, "alice"));
  EXPECT_TRUE(accounts::email_taken(*c, "ALICE@example.org"));
  EXPECT_FALSE(accounts::username_taken(*c, "bob"));
  auto row = c->query_one("SELECT uri, inbox_url, key_id, domain FROM accounts WHERE id = ?", {created.account_id});
  EXPECT_EQ(row->text(0), "https://ex.org/users/Alice");
  EXPECT_EQ(row->text(1), "https://ex.org/users/Alice/inbox");
  EXPECT_EQ(row->text(2), "https://ex.org/users/Alice#main-key");
  EXPECT_TRUE(row->is_null(3));
  a.email = "other@example.org";
  a.username = "ALICE";
  EXPECT_THROW(in_transaction(*c, [&] { return accounts::insert_local(*c, a, now_ms()); }), UniqueViolation);
}

TEST_P(StoreTest, InstanceStatsCountLocalUsersStatusesAndRemoteDomains) {
  auto c = db->acquire();
  int64_t now = now_ms();
  model::NewLocalAccount a{.username = "alice", .email = "a@example.org", .password_hash = "x",
                           .base_url = "https://ex.org"};
  auto alice = accounts::insert_local(*c, a, now);
  for (const char* domain : {"one.example", "two.example", "two.example"}) {
    int64_t id = next_id();
    c->execute("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
               {id, "u" + std::to_string(id), std::string(domain), "https://" + std::string(domain) + "/u/" + std::to_string(id), now, now});
  }
  for (int i = 0; i < 3; ++i)
    c->execute("INSERT INTO statuses (id, account_id, uri, local, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
               {next_id(), alice.account_id, "https://ex.org/s/" + std::to_string(i), true, now, now});
  auto s = instance_stats::load(*c, now);
  EXPECT_EQ(s.user_count, 1);
  EXPECT_EQ(s.status_count, 3);
  EXPECT_EQ(s.domain_count, 2);
}
