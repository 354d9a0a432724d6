#include <atomic>
#include <boost/json.hpp>
#include <set>
#include <thread>

#include "core/time.h"
#include "jobs/queue.h"
#include "store/jobs.h"
#include "test_databases.h"
#include "workers/worker_pool.h"

using namespace agora;

class JobsTest : public test_support::DatabaseTest {
 protected:
  Config config = load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "social.example.org"}});
  const std::vector<std::string> queues{"default", "mailers"};
};
AGORA_ON_BOTH_DATABASES(JobsTest);

TEST_P(JobsTest, EnqueuedJobsCommitWithTheirTransactionOnly) {
  auto c = db->acquire();
  EXPECT_THROW(store::in_transaction(*c,
                                     [&] {
                                       jobs::enqueue(*c, {.kind = "noop"});
                                       throw std::runtime_error("the write failed");
                                     }),
               std::runtime_error);
  EXPECT_FALSE(store::jobs::claim(*c, queues, "w", now_ms(), 1000));
  store::in_transaction(*c, [&] { jobs::enqueue(*c, {.kind = "noop", .payload = {{"n", 1}}}); });
  auto job = store::jobs::claim(*c, queues, "w", now_ms(), 1000);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->kind, "noop");
  EXPECT_EQ(boost::json::parse(job->payload).at("n").as_int64(), 1);
}

TEST_P(JobsTest, ClaimedJobsAreLeasedAndComeBackWhenTheLeaseExpires) {
  auto c = db->acquire();
  jobs::enqueue(*c, {.kind = "noop"});
  int64_t now = now_ms();
  ASSERT_TRUE(store::jobs::claim(*c, queues, "w1", now, 1000));
  EXPECT_FALSE(store::jobs::claim(*c, queues, "w2", now, 1000));  // leased to w1
  auto again = store::jobs::claim(*c, queues, "w2", now + 2000, 1000);  // w1 crashed
  ASSERT_TRUE(again);
  store::jobs::finish(*c, again->id);
  EXPECT_FALSE(store::jobs::claim(*c, queues, "w3", now + 5000, 1000));
}

TEST_P(JobsTest, LeasesRenewedByALivingOwnerOnly) {
  auto c = db->acquire();
  jobs::enqueue(*c, {.kind = "long"});
  jobs::enqueue(*c, {.kind = "orphan"});
  int64_t now = now_ms();
  auto running = store::jobs::claim(*c, queues, "worker-7-100-0", now, 1000);
  auto orphan = store::jobs::claim(*c, queues, "worker-7-99-0", now, 1000);  // a dead predecessor, same pid
  ASSERT_TRUE(running && orphan);
  store::jobs::renew_leases(*c, "worker-7-100-", now + 10'000);
  auto reclaimed = store::jobs::claim(*c, queues, "worker-8-101-0", now + 2000, 1000);
  ASSERT_TRUE(reclaimed);
  EXPECT_EQ(reclaimed->id, orphan->id);  // the living owner's job kept its lease
  EXPECT_FALSE(store::jobs::claim(*c, queues, "worker-8-101-1", now + 2000, 1000));
}

TEST_P(JobsTest, DelayedJobsAndOtherQueuesWait) {
  auto c = db->acquire();
  jobs::enqueue(*c, {.kind = "later", .delay_ms = 60'000});
  jobs::enqueue(*c, {.kind = "elsewhere", .queue = "media"});
  EXPECT_FALSE(store::jobs::claim(*c, queues, "w", now_ms(), 1000));
  EXPECT_TRUE(store::jobs::claim(*c, queues, "w", now_ms() + 61'000, 1000));
}

TEST_P(JobsTest, KindFiltersSplitDeliveriesFromOtherJobs) {
  auto c = db->acquire();
  jobs::enqueue(*c, {.kind = "deliver"});
  jobs::enqueue(*c, {.kind = "noop"});
  int64_t now = now_ms() + 1;
  auto other = store::jobs::claim(*c, queues, "w", now, 1000, {.except_kind = "deliver"});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->kind, "noop");
  EXPECT_FALSE(store::jobs::claim(*c, queues, "w", now, 1000, {.except_kind = "deliver"}));
  auto delivery = store::jobs::claim(*c, queues, "d", now, 1000, {.only_kind = "deliver"});
  ASSERT_TRUE(delivery);
  EXPECT_EQ(delivery->kind, "deliver");

  // Postponed (its host was busy): due again later, without an attempt counted.
  store::jobs::postpone(*c, delivery->id, now + 5000);
  EXPECT_FALSE(store::jobs::claim(*c, queues, "d", now + 1000, 1000, {.only_kind = "deliver"}));
  auto again = store::jobs::claim(*c, queues, "d", now + 5000, 1000, {.only_kind = "deliver"});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 0);
}

TEST_P(JobsTest, ConcurrentWorkersNeverRunAJobTwice) {
  {
    auto c = db->acquire();
    store::in_transaction(*c, [&] {
      for (int i = 0; i < 60; ++i) jobs::enqueue(*c, {.kind = "count", .payload = {{"i", i}}});
    });
  }
  std::mutex m;
  std::multiset<int64_t> seen;
  workers::HandlerRegistry handlers{{"count", [&](services::Context&, const boost::json::object& p) {
                                       std::lock_guard lock(m);
                                       seen.insert(p.at("i").as_int64());
                                     }}};
  services::Context ctx{config, *db};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      workers::WorkerPool pool(ctx, handlers, 0, queues);
      pool.drain();
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(seen.size(), 60u);
  for (int i = 0; i < 60; ++i) EXPECT_EQ(seen.count(i), 1u) << i;
}

TEST_P(JobsTest, FailuresRetryWithBackoffThenGiveUp) {
  auto c = db->acquire();
  jobs::enqueue(*c, {.kind = "flaky", .max_attempts = 2});
  jobs::enqueue(*c, {.kind = "broken"});
  jobs::enqueue(*c, {.kind = "unknown_kind"});
  int calls = 0;
  workers::HandlerRegistry handlers{
      {"flaky", [&](services::Context&, const boost::json::object&) {
         ++calls;
         throw std::runtime_error("remote down");
       }},
      {"broken", [&](services::Context&, const boost::json::object&) { throw workers::PermanentFailure("bad"); }}};
  services::Context ctx{config, *db};
  workers::WorkerPool pool(ctx, handlers, 0, queues);
  EXPECT_EQ(pool.drain(), 3);  // each ran once; the flaky one waits for its retry
  EXPECT_EQ(calls, 1);
  auto row = c->query_one("SELECT attempts, run_at, last_error, dead_at FROM jobs WHERE kind = 'flaky'");
  EXPECT_EQ(row->int64(0), 1);
  EXPECT_GT(row->int64(1), now_ms() + 10'000);  // backed off
  EXPECT_EQ(row->text(2), "remote down");
  EXPECT_TRUE(row->is_null(3));
  c->execute("UPDATE jobs SET run_at = 0 WHERE kind = 'flaky'");
  pool.drain();
  EXPECT_FALSE(c->query_one("SELECT dead_at FROM jobs WHERE kind = 'flaky'")->is_null(0));  // last attempt
  for (const char* kind : {"broken", "unknown_kind"})
    EXPECT_FALSE(c->query_one("SELECT dead_at FROM jobs WHERE kind = ?", {std::string(kind)})->is_null(0)) << kind;
  EXPECT_GE(jobs::retry_delay_ms(3), (81 + 15) * 1000);
}

TEST_P(JobsTest, AJobThatLostATransactionConflictRunsAgainWithinSeconds) {
  auto c = db->acquire();
  jobs::enqueue(*c, {.kind = "crossed"});
  workers::HandlerRegistry handlers{{"crossed", [](services::Context&, const boost::json::object&) {
                                       throw store::TransactionConflict("deadlock detected");
                                     }}};
  services::Context ctx{config, *db};
  workers::WorkerPool pool(ctx, handlers, 0, queues);
  int64_t before = now_ms();
  EXPECT_EQ(pool.drain(), 1);
  auto row = c->query_one("SELECT attempts, run_at, dead_at FROM jobs WHERE kind = 'crossed'");
  EXPECT_EQ(row->int64(0), 1);  // it still counts, so a job that always conflicts ends
  EXPECT_GE(row->int64(1), before + 1000);
  EXPECT_LE(row->int64(1), now_ms() + 3000);
  EXPECT_TRUE(row->is_null(2));
}
