// Request counts by route, method and status, and latency per route, for
// /metrics. Each route's series is made once when the route is registered
// (the router wraps its handler in a RoutedHandler that points at it), so
// counting a request is a few atomic additions: no lock, no lookup.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/metrics.h"
#include "http/request.h"
#include "http/response.h"

namespace agora::http {

struct RouteSeries;

// Statuses counted by name; others by class ("2xx" … "5xx").
RouteSeries& route_series(std::string_view method, std::string_view route);
// Requests no route took ("unmatched") and those refused by a rate limit before routing.
RouteSeries& unmatched_series(std::string_view method);
RouteSeries& rate_limited_series(std::string_view method);
void record_request(RouteSeries& series, int status, double seconds);
// The http families in the text format.
void write_route_metrics(std::string& out);

// What the router stores for each route: the handler and its series.
struct RoutedHandler {
  std::function<Response(Request&)> handler;
  RouteSeries* series;
  Response operator()(Request& r) const { return handler(r); }
};

}  // namespace agora::http
