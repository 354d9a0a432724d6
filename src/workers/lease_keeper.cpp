#include "workers/lease_keeper.h"

#include "core/log.h"
#include "core/time.h"
#include "store/jobs.h"

namespace agora::workers {

namespace {
constexpr auto kRenewEvery = std::chrono::milliseconds(kJobLeaseMs / 3);
}  // namespace

LeaseKeeper::LeaseKeeper(services::Context& ctx, std::string owner)
    : ctx_(ctx), owner_(std::move(owner)), thread_([this] { loop(); }) {}

LeaseKeeper::~LeaseKeeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void LeaseKeeper::loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kRenewEvery, [this] { return stopping_; })) {
    lock.unlock();
    try {
      auto conn = ctx_.db.acquire();
      store::jobs::renew_leases(*conn, owner_, now_ms() + kJobLeaseMs);
    } catch (const std::exception& e) {
      log::error("could not renew job leases: {}", e.what());
    }
    lock.lock();
  }
}

}  // namespace agora::workers
