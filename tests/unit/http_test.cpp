#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/errors.h"
#include "http/params.h"
#include "http/pipeline.h"
#include "http/router.h"

using namespace agora;
using namespace agora::http;
namespace json = boost::json;

TEST(Params, MergesQueryFormAndJsonAsMastodonDoes) {
  auto p = parse_params("limit=20&ids[]=1&ids[]=2&q=caf%C3%A9+au+lait", "", "");
  EXPECT_EQ(*param_int(p, "limit"), 20);
  EXPECT_EQ(param_list(p, "ids"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(*param_string(p, "q"), "café au lait");

  auto form = parse_params("", "application/x-www-form-urlencoded; charset=utf-8",
                           "fields_attributes[0][name]=Web&fields_attributes[0][value]=x&locked=0");
  EXPECT_EQ(form.at("fields_attributes").at("0").at("name").as_string(), "Web");
  EXPECT_EQ(param_bool(form, "locked"), false);

  auto body = parse_params("a=1", "application/json", R"({"status":"hi","media_ids":["1"],"sensitive":true})");
  EXPECT_EQ(*param_string(body, "status"), "hi");
  EXPECT_EQ(param_list(body, "media_ids"), (std::vector<std::string>{"1"}));
  EXPECT_EQ(param_bool(body, "sensitive"), true);
  EXPECT_EQ(*param_int(body, "a"), 1);
}

TEST(Params, CoercesBooleansLikeActiveModel) {
  auto p = parse_params("a=true&b=0&c=off&d=&e=FALSE&f=1&g=yes", "", "");
  EXPECT_EQ(param_bool(p, "a"), true);
  EXPECT_EQ(param_bool(p, "b"), false);
  EXPECT_EQ(param_bool(p, "c"), false);
  EXPECT_EQ(param_bool(p, "d"), std::nullopt);
  EXPECT_EQ(param_bool(p, "e"), false);
  EXPECT_EQ(param_bool(p, "f"), true);
  EXPECT_EQ(param_bool(p, "g"), true);
  EXPECT_EQ(param_bool(p, "missing"), std::nullopt);
}

TEST(Params, RejectsMalformedInputWith400) {
  auto status_of = [](auto f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 0;
  };
  EXPECT_EQ(status_of([] { parse_params("", "application/json", "{\"status\": "); }), 400);
  EXPECT_EQ(status_of([] { parse_params("", "application/json", "[1,2]"); }), 400);
  EXPECT_EQ(status_of([] { parse_params("", "application/json", "{\"a\":\"\xff\"}"); }), 400);
  EXPECT_EQ(status_of([] { parse_params("q=%FF", "", ""); }), 400);
  EXPECT_EQ(status_of([] { parse_params("q=%G1", "", ""); }), 400);
  EXPECT_EQ(status_of([] { parse_params("q=%4", "", ""); }), 400);
  EXPECT_EQ(status_of([] { parse_params("a[b][c][d][e][f][g][h][i]=1", "", ""); }), 400);
  std::string deep(100, '[');
  EXPECT_EQ(status_of([&] { parse_params("", "application/json", "{\"a\":" + deep + "}"); }), 400);
  EXPECT_EQ(status_of([] { param_int(parse_params("limit=ten", "", ""), "limit"); }), 400);
}

TEST(Router, MatchesLiteralsBeforeParameters) {
  Router r;
  r.get("/api/v1/accounts/:id", [](Request& q) { return Response::text(std::string(q.path_param("id")), "t"); });
  r.get("/api/v1/accounts/lookup", [](Request&) { return Response::text("lookup", "t"); });
  r.post("/api/v1/accounts/:id/follow", [](Request& q) { return Response::text("follow " + std::string(q.path_param("id")), "t"); });
  std::vector<std::pair<std::string, std::string>> params;
  const Handler* h = r.find("GET", "/api/v1/accounts/lookup", params);
  ASSERT_TRUE(h);
  EXPECT_TRUE(params.empty());
  h = r.find("GET", "/api/v1/accounts/123", params);
  ASSERT_TRUE(h);
  EXPECT_EQ(params.at(0).second, "123");
  params.clear();
  EXPECT_TRUE(r.find("POST", "/api/v1/accounts/9/follow", params));
  params.clear();
  EXPECT_FALSE(r.find("DELETE", "/api/v1/accounts/9/follow", params));
  EXPECT_FALSE(r.find("GET", "/api/v1/accounts", params));
  EXPECT_TRUE(r.find("HEAD", "/api/v1/accounts/1", params));  // HEAD is served like GET
  EXPECT_THROW(r.get("/api/v1/accounts/:id", [](Request&) { return Response{}; }), std::logic_error);
}

TEST(Router, MatchesPrefixedParameters) {
  Router r;
  r.get("/@:username", [](Request&) { return Response{}; });
  r.get("/@:username/:id", [](Request&) { return Response{}; });
  r.get("/:page", [](Request&) { return Response{}; });
  std::vector<std::pair<std::string, std::string>> params;
  ASSERT_TRUE(r.find("GET", "/@alice", params));
  EXPECT_EQ(params, (std::vector<std::pair<std::string, std::string>>{{"username", "alice"}}));
  params.clear();
  ASSERT_TRUE(r.find("GET", "/@alice/42", params));
  EXPECT_EQ(params.at(1), (std::pair<std::string, std::string>{"id", "42"}));
  params.clear();
  ASSERT_TRUE(r.find("GET", "/@", params));  // nothing after the prefix: the plain parameter
  EXPECT_EQ(params.at(0).first, "page");
  params.clear();
  ASSERT_TRUE(r.find("GET", "/about", params));
  EXPECT_EQ(params.at(0).first, "page");
  EXPECT_THROW(r.get("/@:name", [](Request&) { return Response{}; }), std::logic_error);
}

namespace {
Router demo_router() {
  Router r;
  r.get("/api/v1/instance", [](Request&) { return Response::json(json::object{{"ok", true}}); });
  r.get("/api/v1/fail", [](Request&) -> Response { throw Error::unprocessable("Validation failed: x", json::object{{"x", 1}}); });
  r.get("/api/v1/crash", [](Request&) -> Response { throw std::runtime_error("secret internals"); });
  r.post("/api/v1/echo", [](Request& q) { return Response::json(q.params); });
  return r;
}
Request request(std::string method, std::string path, std::string query = "") {
  Request q;
  q.method = std::move(method);
  q.path = std::move(path);
  q.query = std::move(query);
  return q;
}
}  // namespace

TEST(Pipeline, AnswersMastodonErrorShapes) {
  Router r = demo_router();
  auto q = request("GET", "/api/v1/nope");
  Response res = handle_request(r, q);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, R"({"error":"Record not found"})");

  q = request("GET", "/api/v1/fail");
  res = handle_request(r, q);
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(json::parse(res.body).at("details").at("x").as_int64(), 1);

  q = request("GET", "/api/v1/crash");
  res = handle_request(r, q);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("secret"), std::string::npos);  // internals stay in the log

  q = request("POST", "/api/v1/echo");
  q.headers.add("Content-Type", "application/json");
  q.body = "{broken";
  res = handle_request(r, q);
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(json::parse(res.body).at("error").as_string().find("Invalid JSON"), std::string::npos);
}

TEST(Pipeline, ServesTrailingSlashesAndCorsLikeMastodon) {
  Router r = demo_router();
  auto q = request("GET", "/api/v1/instance/");
  Response res = handle_request(r, q);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.headers.get_or("Access-Control-Allow-Origin", ""), "*");
  EXPECT_NE(res.headers.get_or("Access-Control-Expose-Headers", "").find("Link"), std::string_view::npos);
  EXPECT_EQ(res.headers.get_or("Cache-Control", ""), "private, no-store");
  EXPECT_EQ(res.headers.get_or("X-Content-Type-Options", ""), "nosniff");

  auto pre = request("OPTIONS", "/api/v1/statuses");
  pre.headers.add("Origin", "https://app.example");
  pre.headers.add("Access-Control-Request-Method", "POST");
  pre.headers.add("Access-Control-Request-Headers", "authorization, content-type");
  res = handle_request(r, pre);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "");
  EXPECT_EQ(res.headers.get_or("Access-Control-Allow-Headers", ""), "authorization, content-type");
  EXPECT_NE(res.headers.get_or("Access-Control-Allow-Methods", "").find("POST"), std::string_view::npos);
  EXPECT_EQ(res.headers.get_or("Access-Control-Max-Age", ""), "7200");

  auto other = request("GET", "/about");
  res = handle_request(r, other);
  EXPECT_FALSE(res.headers.has("Access-Control-Allow-Origin"));
}
