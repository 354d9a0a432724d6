#pragma once
#include "http/router.h"
#include "services/context.h"

namespace agora::app {

// GET /metrics: Prometheus's text format, for a scraper on this machine only.
void register_metrics_route(http::Router& router, services::Context& ctx);

}  // namespace agora::app
