#include <gtest/gtest.h>

#include <string>

#include "core/metrics.h"
#include "http/pipeline.h"
#include "http/route_metrics.h"
#include "http/router.h"

using namespace agora;

TEST(Metrics, FamiliesAreCappedAndOverflowIntoOther) {
  metrics::CounterFamily f("t_total", "test", {"domain", "result"}, 2);
  f.at({"a.example", "ok"}).add();
  f.at({"b.example", "ok"}).add(2);
  f.at({"c.example", "ok"}).add();
  f.at({"d.example", "ok"}).add();
  f.at({"a.example", "ok"}).add();
  std::string out;
  f.write(out);
  EXPECT_NE(out.find("t_total{domain=\"a.example\",result=\"ok\"} 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("t_total{domain=\"other\",result=\"ok\"} 2\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("c.example"), std::string::npos) << out;
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  metrics::Histogram h;
  h.observe(0.001);
  h.observe(0.2);
  h.observe(100);
  std::string out;
  h.write(out, "d", "route=\"/x\",");
  EXPECT_NE(out.find("d_bucket{route=\"/x\",le=\"0.005\"} 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("d_bucket{route=\"/x\",le=\"0.25\"} 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("d_bucket{route=\"/x\",le=\"30\"} 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("d_bucket{route=\"/x\",le=\"+Inf\"} 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("d_count{route=\"/x\"} 3\n"), std::string::npos) << out;
}

TEST(Metrics, LabelValuesAreEscaped) { EXPECT_EQ(metrics::escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd"); }

TEST(Metrics, RequestsCountUnderTheirRoutePattern) {
  http::Router router;
  router.get("/metrics-test/:id", [](http::Request&) { return http::Response::text("x", "text/plain", 201); });
  auto count = [](std::string_view line) {
    std::string out;
    http::write_route_metrics(out);
    auto at = out.find(line);
    return at == std::string::npos ? 0 : std::stoi(out.substr(at + line.size()));
  };
  std::string routed = "agora_http_requests_total{method=\"GET\",route=\"/metrics-test/:id\",status=\"201\"} ";
  std::string unmatched = "agora_http_requests_total{method=\"other\",route=\"unmatched\",status=\"404\"} ";
  int routed_before = count(routed), unmatched_before = count(unmatched);
  for (const char* path : {"/metrics-test/1", "/metrics-test/2"}) {
    http::Request req;
    req.method = "GET";
    req.path = path;
    EXPECT_EQ(http::handle_request(router, req).status, 201);
  }
  http::Request odd;
  odd.method = "BREW";
  odd.path = "/nowhere";
  EXPECT_EQ(http::handle_request(router, odd).status, 404);
  EXPECT_EQ(count(routed), routed_before + 2);
  EXPECT_EQ(count(unmatched), unmatched_before + 1);
}
