// The outbound HTTP client and its address guard, against a tiny HTTP server
// on loopback inside the test.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

#include "core/crypto.h"
#include "core/time.h"
#include "federation/address_guard.h"
#include "federation/http_client.h"
#include "federation/http_signatures.h"

using namespace agora;
using namespace agora::federation;

namespace {

struct Received {
  std::string method, target;
  http::Headers headers;
  std::string body;
};

// One connection at a time; the handler returns the raw response, or an
// empty string to stall until the server stops.
class TestServer {
 public:
  using Handler = std::function<std::string(const Received&)>;

  explicit TestServer(Handler handler) : handler_(std::move(handler)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(fd_, 8), 0);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~TestServer() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  uint16_t port() const { return port_; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int hits() const { return hits_; }
  Received last() {
    std::lock_guard lock(mutex_);
    return last_;
  }

 private:
  void run() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      int conn = accept(fd_, nullptr, nullptr);
      if (conn < 0) continue;
      serve(conn);
      close(conn);
    }
  }

  void serve(int conn) {
    std::string data;
    char buffer[4096];
    size_t head_end;
    while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
      ssize_t n = recv(conn, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      data.append(buffer, n);
    }
    Received r;
    std::string head = data.substr(0, head_end);
    size_t line_end = head.find("\r\n");
    std::string first = head.substr(0, line_end);
    r.method = first.substr(0, first.find(' '));
    r.target = first.substr(first.find(' ') + 1, first.rfind(' ') - first.find(' ') - 1);
    size_t content_length = 0;
    for (size_t pos = line_end + 2; pos < head.size() && line_end != std::string::npos;) {
      size_t end = head.find("\r\n", pos);
      std::string line = head.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      size_t colon = line.find(':');
      std::string name = line.substr(0, colon), value = line.substr(colon + 2);
      if (http::iequals(name, "content-length")) content_length = std::stoul(value);
      r.headers.add(name, value);
      pos = end == std::string::npos ? head.size() : end + 2;
    }
    r.body = data.substr(head_end + 4);
    while (r.body.size() < content_length) {
      ssize_t n = recv(conn, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      r.body.append(buffer, n);
    }
    {
      std::lock_guard lock(mutex_);
      last_ = r;
    }
    ++hits_;
    std::string response = handler_(r);
    if (response.empty()) {  // stall
      while (!stop_) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      return;
    }
    send(conn, response.data(), response.size(), MSG_NOSIGNAL);
  }

  Handler handler_;
  int fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> hits_{0};
  std::mutex mutex_;
  Received last_;
  std::thread thread_;
};

std::string reply(int status, const std::string& body, const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n" + extra_headers + "\r\n" + body;
}

ClientSettings test_settings() {
  ClientSettings s;
  s.user_agent = "agora/test (+http://a.test/)";
  s.policy.allow_http = true;
  s.policy.allow_loopback = true;
  return s;
}

OutboundRequest get(const std::string& url) {
  OutboundRequest r;
  r.url = url;
  return r;
}

FetchError::Kind failure(const HttpClient& client, const OutboundRequest& request, std::string* message = nullptr) {
  try {
    client.fetch(request);
  } catch (const FetchError& e) {
    if (message) *message = e.what();
    return e.kind;
  }
  ADD_FAILURE() << "no FetchError for " << request.url;
  return FetchError::Kind::network;
}

AddressKind kind_of(const char* text) { return classify(parse_ip(text).value()); }

}  // namespace

TEST(AddressGuard, ClassifiesAddresses) {
  for (const char* a : {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.15.255.255", "172.32.0.1",
                        "100.63.255.255", "100.128.0.1", "::ffff:8.8.8.8", "2002:808:808::1"})
    EXPECT_EQ(kind_of(a), AddressKind::global) << a;
  const std::pair<const char*, AddressKind> cases[] = {
      {"127.0.0.1", AddressKind::loopback},           {"127.255.255.254", AddressKind::loopback},
      {"::1", AddressKind::loopback},                 {"10.1.2.3", AddressKind::private_use},
      {"172.16.0.1", AddressKind::private_use},       {"172.31.255.255", AddressKind::private_use},
      {"192.168.1.1", AddressKind::private_use},      {"169.254.169.254", AddressKind::link_local},
      {"100.64.0.1", AddressKind::shared},            {"100.127.255.255", AddressKind::shared},
      {"0.0.0.0", AddressKind::unspecified},          {"0.1.2.3", AddressKind::unspecified},
      {"::", AddressKind::unspecified},               {"fc00::1", AddressKind::unique_local},
      {"fd12:3456::1", AddressKind::unique_local},    {"fe80::1", AddressKind::link_local},
      {"febf::1", AddressKind::link_local},           {"fec0::1", AddressKind::private_use},
      {"224.0.0.1", AddressKind::multicast},          {"ff02::1", AddressKind::multicast},
      {"255.255.255.255", AddressKind::reserved},     {"240.0.0.1", AddressKind::reserved},
      {"192.0.2.1", AddressKind::reserved},           {"198.18.0.1", AddressKind::reserved},
      {"2001:db8::1", AddressKind::reserved},         {"2001::1", AddressKind::reserved},
      {"::ffff:127.0.0.1", AddressKind::loopback},    {"::ffff:10.0.0.1", AddressKind::private_use},
      {"::ffff:169.254.169.254", AddressKind::link_local}, {"64:ff9b::a00:1", AddressKind::private_use},
      {"2002:7f00:1::", AddressKind::loopback},       {"::127.0.0.1", AddressKind::reserved},
  };
  for (const auto& [a, kind] : cases) EXPECT_EQ(kind_of(a), kind) << a;
  EXPECT_FALSE(parse_ip("localhost"));
  EXPECT_FALSE(parse_ip("1.2.3"));
  EXPECT_EQ(parse_ip("[::1]")->str(), "::1");
}

TEST(AddressGuard, OnlyLoopbackIsAllowedInTestMode) {
  GuardPolicy strict, test;
  test.allow_http = test.allow_loopback = true;
  EXPECT_FALSE(allowed(AddressKind::loopback, strict));
  EXPECT_TRUE(allowed(AddressKind::loopback, test));
  for (AddressKind k : {AddressKind::private_use, AddressKind::link_local, AddressKind::shared,
                        AddressKind::unique_local, AddressKind::unspecified, AddressKind::multicast})
    EXPECT_FALSE(allowed(k, test));
  EXPECT_TRUE(allowed(AddressKind::global, strict));

  auto check = [](const char* url, const GuardPolicy& p) { return check_destination(*parse_http_url(url), p); };
  // Host names are resolved here: localhost is loopback.
  EXPECT_EQ(check("https://localhost/x", strict).refusal.find("Requests to private network addresses are disallowed (localhost resolves to "), 0u);
  EXPECT_TRUE(check("https://localhost/x", test).destination);
  EXPECT_FALSE(check("https://10.0.0.1/x", test).destination);
  EXPECT_EQ(check("https://[fe80::1]/x", test).refusal,
            "Requests to private network addresses are disallowed (fe80::1 resolves to fe80::1, a link-local address)");
  EXPECT_EQ(check("http://93.184.216.34/", strict).refusal, "Only https:// URLs are fetched, not http://93.184.216.34/");
  EXPECT_TRUE(check("https://93.184.216.34/", strict).destination);
  EXPECT_EQ(check("https://nonexistent.invalid/", strict).refusal.rfind("Could not resolve nonexistent.invalid", 0), 0u);

  GuardPolicy mapped = test;
  mapped.connect_to = {{"a.test", "127.0.0.1", 4001}};
  auto d = check("http://a.test/inbox", mapped);
  ASSERT_TRUE(d.destination);
  EXPECT_TRUE(d.destination->mapped);
  EXPECT_EQ(d.destination->port, 4001);
  EXPECT_EQ(d.destination->addresses.front().str(), "127.0.0.1");
  mapped.connect_to = {{"a.test", "10.0.0.5", 4001}};  // a mapping does not get around the guard
  EXPECT_FALSE(check("http://a.test/inbox", mapped).destination);
  // Without test http, a mapping may still point at loopback (a test's TLS
  // proxy), but loopback stays refused for everything unmapped.
  GuardPolicy tls_proxy = strict;
  tls_proxy.connect_to = {{"a.test", "127.0.0.1", 4443}};
  EXPECT_TRUE(check("https://a.test/inbox", tls_proxy).destination);
  EXPECT_FALSE(check("https://localhost/inbox", tls_proxy).destination);
  EXPECT_FALSE(check("http://a.test/inbox", tls_proxy).destination);
  tls_proxy.connect_to = {{"a.test", "192.168.1.1", 4443}};
  EXPECT_FALSE(check("https://a.test/inbox", tls_proxy).destination);
}

TEST(HttpClient, FetchesWithItsUserAgentAndLowerCasedHeaders) {
  TestServer server([](const Received& r) {
    return reply(200, R"({"ok":true})", "Content-Type: application/activity+json\r\nX-Thing: Yes\r\n");
  });
  HttpClient client(test_settings());
  auto request = get(server.url("/users/bob?x=1"));
  request.headers = {{"Accept", "application/activity+json"}};
  auto response = client.fetch(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"ok":true})");
  EXPECT_EQ(response.header("content-type"), "application/activity+json");
  EXPECT_EQ(response.header("x-thing"), "Yes");
  EXPECT_EQ(response.final_url, server.url("/users/bob?x=1"));
  Received seen = server.last();
  EXPECT_EQ(seen.target, "/users/bob?x=1");
  EXPECT_EQ(seen.headers.get_or("User-Agent", ""), "agora/test (+http://a.test/)");
  EXPECT_EQ(seen.headers.get_or("Accept", ""), "application/activity+json");

  ClientSettings from_config = ClientSettings::from(load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "a.test"},
                                                                  {"AGORA_TEST_HTTP", "true"}}));
  EXPECT_EQ(from_config.user_agent, std::string("agora/") + AGORA_VERSION + " (+http://a.test/)");
  EXPECT_TRUE(from_config.policy.allow_loopback);
}

TEST(HttpClient, SignsEachRequestSoTheReceiverVerifies) {
  TestServer server([](const Received&) { return reply(202, ""); });
  HttpClient client(test_settings());
  auto keys = crypto::generate_rsa_keypair(2048);
  SigningKey key{"http://a.test/users/alice#main-key", keys.private_pem};
  for (std::string method : {"GET", "POST"}) {
    OutboundRequest request = get(server.url("/inbox"));
    request.method = method;
    request.headers = {{"Accept", "application/activity+json"}};
    if (method == "POST") request.body = R"({"type":"Follow"})";
    request.sign_as = &key;
    EXPECT_EQ(client.fetch(request).status, 202);
    Received seen = server.last();
    http::Request r;
    r.method = seen.method;
    r.target = seen.target;
    r.headers = seen.headers;
    r.body = seen.body;
    auto parsed = parse_signature(r);
    ASSERT_TRUE(parsed.claim) << parsed.error;
    EXPECT_EQ(parsed.claim->key_id, key.key_id);
    auto result = verify_signature(*parsed.claim, r, keys.public_pem, now_ms());
    EXPECT_TRUE(result.ok()) << method << ": " << result.reason;
    if (method == "GET") {
      EXPECT_EQ(parsed.claim->covered.back(), "accept");
    }
  }
}

TEST(HttpClient, RefusesResponsesOverTheSizeLimit) {
  std::string big(2000, 'x');
  TestServer server([&](const Received& r) {
    if (r.target == "/chunked")
      return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n7d0\r\n" + big + "\r\n0\r\n\r\n";
    return reply(200, big);
  });
  HttpClient client(test_settings());
  auto request = get(server.url("/declared"));
  request.max_response_bytes = 1000;
  std::string message;
  EXPECT_EQ(failure(client, request, &message), FetchError::Kind::too_large);
  EXPECT_EQ(message, "Response from " + server.url("/declared") + " exceeds 1000 bytes");
  request.url = server.url("/chunked");  // no Content-Length: counted as it arrives
  EXPECT_EQ(failure(client, request), FetchError::Kind::too_large);
  request.max_response_bytes = 2000;
  EXPECT_EQ(client.fetch(request).body, big);
}

TEST(HttpClient, FollowsAtMostThreeRedirectsEachCheckedByTheGuard) {
  TestServer server([](const Received& r) {
    if (r.target.rfind("/hop/", 0) == 0) {
      int n = std::stoi(r.target.substr(5));
      return n == 0 ? reply(200, "arrived") : reply(302, "", "Location: /hop/" + std::to_string(n - 1) + "\r\n");
    }
    if (r.target == "/to-private") return reply(301, "", "Location: http://10.0.0.1/admin\r\n");
    if (r.target == "/to-metadata") return reply(307, "", "Location: http://169.254.169.254/latest/meta-data/\r\n");
    if (r.target == "/to-ftp") return reply(302, "", "Location: ftp://example.org/\r\n");
    return reply(302, "", "Location: /hop/0\r\n");
  });
  HttpClient client(test_settings());
  auto response = client.fetch(get(server.url("/hop/3")));
  EXPECT_EQ(response.body, "arrived");
  EXPECT_EQ(response.final_url, server.url("/hop/0"));
  std::string message;
  EXPECT_EQ(failure(client, get(server.url("/hop/4")), &message), FetchError::Kind::too_many_redirects);
  EXPECT_EQ(message, "More than 3 redirects from " + server.url("/hop/4"));

  int before = server.hits();
  EXPECT_EQ(failure(client, get(server.url("/to-private")), &message), FetchError::Kind::refused);
  EXPECT_EQ(message, "Requests to private network addresses are disallowed (10.0.0.1 resolves to 10.0.0.1, a private address)");
  EXPECT_EQ(failure(client, get(server.url("/to-metadata"))), FetchError::Kind::refused);
  EXPECT_EQ(failure(client, get(server.url("/to-ftp"))), FetchError::Kind::refused);
  EXPECT_EQ(server.hits(), before + 3);

  // A POST is not redirected: the answer comes back as it is.
  OutboundRequest post = get(server.url("/elsewhere"));
  post.method = "POST";
  post.body = "{}";
  EXPECT_EQ(client.fetch(post).status, 302);
  EXPECT_EQ(server.last().target, "/elsewhere");
}

TEST(HttpClient, GivesUpOnAStallingServer) {
  TestServer server([](const Received&) { return std::string(); });
  HttpClient client(test_settings());
  auto request = get(server.url("/slow"));
  request.timeout = std::chrono::milliseconds(300);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(failure(client, request), FetchError::Kind::timeout);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(HttpClient, ConnectsToMappedDomains) {
  TestServer server([](const Received& r) { return reply(200, "host " + std::string(r.headers.get_or("Host", ""))); });
  ClientSettings settings = test_settings();
  settings.policy.connect_to = {{"a.test", "127.0.0.1", server.port()}};
  HttpClient client(settings);
  EXPECT_EQ(client.fetch(get("http://a.test/users/alice")).body, "host a.test");
  EXPECT_EQ(server.last().target, "/users/alice");
  EXPECT_EQ(failure(client, get("http://b.test/")), FetchError::Kind::refused);  // .test never resolves
}

TEST(HttpClient, OutsideTestModeOnlyHttpsToPublicAddresses) {
  TestServer server([](const Received&) { return reply(200, "should not be reached"); });
  ClientSettings settings = test_settings();
  settings.policy = GuardPolicy{};
  HttpClient client(settings);
  std::string message;
  EXPECT_EQ(failure(client, get(server.url("/")), &message), FetchError::Kind::refused);
  EXPECT_EQ(message, "Only https:// URLs are fetched, not " + server.url("/"));
  EXPECT_EQ(failure(client, get("https://127.0.0.1:" + std::to_string(server.port()) + "/")), FetchError::Kind::refused);
  EXPECT_EQ(failure(client, get("https://localhost:" + std::to_string(server.port()) + "/")), FetchError::Kind::refused);
  EXPECT_EQ(failure(client, get("file:///etc/passwd")), FetchError::Kind::refused);
  EXPECT_EQ(failure(client, get("https://user:pw@example.org/")), FetchError::Kind::refused);
  EXPECT_EQ(server.hits(), 0);
}
