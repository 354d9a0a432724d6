// The per-host cap on requests in flight.
#include "federation/host_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace agora::federation;
using namespace std::chrono_literals;

TEST(HostLimiter, CapsRequestsPerHostAndFreesSlotsWhenDone) {
  HostLimiter limiter(2);
  {
    auto a = limiter.acquire("a.example", 0ms);
    auto b = limiter.acquire("a.example", 0ms);
    ASSERT_TRUE(a && b);
    EXPECT_FALSE(limiter.acquire("a.example", 10ms));   // a third waits, then gives up
    EXPECT_TRUE(limiter.acquire("b.example", 0ms));     // other hosts are not held up
    EXPECT_EQ(limiter.in_flight("a.example"), 2);
  }
  EXPECT_EQ(limiter.in_flight("a.example"), 0);
  EXPECT_TRUE(limiter.acquire("a.example", 0ms));
}

TEST(HostLimiter, ManyThreadsNeverExceedTheCap) {
  HostLimiter limiter(3);
  std::atomic<int> now{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto slot = limiter.acquire("busy.example", 5s);
        ASSERT_TRUE(slot);
        int n = ++now;
        int seen = most.load();
        while (n > seen && !most.compare_exchange_weak(seen, n)) {
        }
        std::this_thread::sleep_for(100us);
        --now;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 2);  // the threads did overlap
  EXPECT_EQ(limiter.in_flight("busy.example"), 0);
}
