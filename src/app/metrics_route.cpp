// GET /metrics: what the process counted (requests, latency, job failures,
// deliveries, pool and streams, memory) and the job queue as the database has it.
// Only a client on loopback talking to agora directly may read it: a request
// that came through a proxy (it names a forwarded client) is someone else's,
// even when the proxy runs on this machine.
#include "app/metrics_route.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/log.h"
#include "core/metrics.h"
#include "http/route_metrics.h"
#include "store/job_stats.h"

namespace agora::app {

namespace {

bool direct_loopback(const http::Request& req) {
  for (const char* forwarded : {"X-Forwarded-For", "X-Real-IP", "Forwarded"})
    if (req.headers.has(forwarded)) return false;
  std::string_view a = req.remote_address;
  if (a.starts_with("::ffff:")) a.remove_prefix(7);
  return a.starts_with("127.") || a == "::1";
}

void write_job_counts(std::string& out, services::Context& ctx) {
  std::vector<store::job_stats::JobCount> counts;
  try {
    auto conn = ctx.db.acquire();
    counts = store::job_stats::counts(*conn);
  } catch (const std::exception& e) {
    log::warn("metrics: job counts unavailable: {}", e.what());
    return;
  }
  auto family = [&](const char* name, const char* help, auto value) {
    metrics::write_header(out, name, "gauge", help);
    for (const auto& c : counts)
      out += fmt::format("{}{{queue=\"{}\",kind=\"{}\"}} {}\n", name, metrics::escape(c.queue), metrics::escape(c.kind),
                         value(c));
  };
  family("agora_jobs_queued", "Jobs waiting to run (due or scheduled), by queue and kind",
         [](const auto& c) { return c.waiting; });
  family("agora_jobs_dead", "Jobs given up after their attempts, by queue and kind",
         [](const auto& c) { return c.dead; });
}

}  // namespace

void register_metrics_route(http::Router& router, services::Context& ctx) {
  router.get("/metrics", [&ctx](http::Request& req) {
    if (!direct_loopback(req)) throw Error::forbidden();
    std::string out;
    out.reserve(64 * 1024);
    http::write_route_metrics(out);
    write_job_counts(out, ctx);
    metrics::write_process_metrics(out);
    auto r = http::Response::text(std::move(out), "text/plain; version=0.0.4; charset=utf-8");
    r.headers.set("Cache-Control", "no-store");
    return r;
  });
}

}  // namespace agora::app
