// Keeps the leases of the jobs this process is running fresh. Leases are
// short so that the jobs of a process that died (SIGKILL, power loss) are
// run again within a minute; a job that legitimately runs longer (a video
// transcode) keeps its lease because its owner renews it while alive.
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "services/context.h"

namespace agora::workers {

inline constexpr int64_t kJobLeaseMs = 30 * 1000;

class LeaseKeeper {
 public:
  // Renews every lease whose worker name starts with `owner` until destroyed.
  LeaseKeeper(services::Context& ctx, std::string owner);
  ~LeaseKeeper();
  LeaseKeeper(const LeaseKeeper&) = delete;
  LeaseKeeper& operator=(const LeaseKeeper&) = delete;

 private:
  void loop();

  services::Context& ctx_;
  std::string owner_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace agora::workers
