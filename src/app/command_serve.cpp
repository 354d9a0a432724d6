// agora serve: the HTTP server.
#include "app/cli.h"
#include "app/rate_limits.h"
#include "app/wiring.h"
#include "core/log.h"
#include "services/admin_ip_blocks.h"
#include "http/pipeline.h"
#include "http/server.h"
#include "streaming/hub.h"
#include "streaming/streaming.h"
#include "workers/handlers.h"
#include "workers/worker_pool.h"

namespace agora::app {

int command_serve(const Args& args) {
  if (!args.positional.empty()) throw UsageError("serve takes no arguments");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::server);
  services::Context ctx{rt.config, *rt.db};
  http::Router router = build_router(ctx);
  streaming::Hub hub(ctx);
  streaming::register_routes(router, hub);

  http::ServerOptions options;
  options.host = rt.config.listen_host;
  options.port = rt.config.listen_port;
  options.io_threads = rt.config.io_threads;
  options.handler_threads = rt.config.handler_threads;
  options.access_log = log::enabled(log::Level::info);
  options.is_media_upload = [](std::string_view path) {
    return path == "/api/v1/media" || path == "/api/v2/media" || path.starts_with("/api/v1/media/");
  };
  http::RateLimiter limiter(app::default_rate_rules());
  http::PipelineOptions pipeline{rt.config.rate_limits ? &limiter : nullptr, rt.config.trusted_proxies,
                                 [&ctx](const std::string& ip) { return services::no_access(ctx, ip); }};
  http::Server server(options, [&](http::Request& req) { return http::handle_request(router, req, pipeline); });
  uint16_t port = server.listen();
  auto handlers = workers::all_handlers();
  workers::WorkerPool workers(ctx, handlers, rt.config.worker_threads);
  workers.start();
  workers::schedule_periodic_jobs(ctx);
  log::info("agora {} listening on http://{}:{} for {} ({} environment, {})", AGORA_VERSION,
            rt.config.listen_host, port, rt.config.base_url(), environment_name(rt.config.env),
            rt.config.uses_sqlite() ? "SQLite" : "PostgreSQL");
  server.run();
  hub.close_all();  // before the server (and the I/O context of the streams) goes
  workers.stop();   // jobs in hand finish; the rest wait in the queue
  return 0;
}

}  // namespace agora::app
