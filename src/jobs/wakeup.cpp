#include "jobs/wakeup.h"

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace agora::jobs {

namespace {
std::mutex mutex;
std::condition_variable cv;
uint64_t generation = 0;
}  // namespace

void wake_workers() {
  {
    std::lock_guard lock(mutex);
    ++generation;
  }
  cv.notify_all();
}

void wait_for_work(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex);
  uint64_t seen = generation;
  cv.wait_for(lock, timeout, [&] { return generation != seen; });
}

}  // namespace agora::jobs
