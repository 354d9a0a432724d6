// An in-process nudge from enqueue() to sleeping workers.
#pragma once
#include <chrono>

namespace agora::jobs {

void wake_workers();
// Sleeps up to `timeout`, returning early after wake_workers().
void wait_for_work(std::chrono::milliseconds timeout);

}  // namespace agora::jobs
