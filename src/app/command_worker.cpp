// agora worker: runs job workers only (for deployments that scale workers
// apart from the web server, with AGORA_WORKER_THREADS=0 on `agora serve`).
#include <csignal>
#include <thread>

#include "app/cli.h"
#include "core/log.h"
#include "workers/handlers.h"
#include "workers/worker_pool.h"

namespace agora::app {

int command_worker(const Args& args) {
  if (!args.positional.empty()) throw UsageError("worker takes no arguments");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  auto handlers = workers::all_handlers();
  int threads = rt.config.worker_threads > 0 ? rt.config.worker_threads : 2;
  // Wait for SIGINT/SIGTERM on this thread; the workers run on their own.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  workers::WorkerPool pool(ctx, handlers, threads);
  pool.start();
  workers::schedule_periodic_jobs(ctx);
  log::info("agora worker running {} threads", threads);
  int sig = 0;
  sigwait(&set, &sig);
  log::info("stopping workers");
  pool.stop();
  return 0;
}

}  // namespace agora::app
