// The one way agora talks to other servers: every federation request goes
// through HttpClient::fetch, which blocks (call it from worker threads),
// checks every hop with the address guard, follows at most three redirects
// itself, caps time and response size, and signs each hop when asked.
#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/config.h"
#include "federation/address_guard.h"
#include "federation/http_signatures.h"

namespace agora::federation {

struct OutboundRequest {
  std::string method = "GET";
  std::string url;
  HeaderList headers;  // Accept, Content-Type, … (Host, Date and User-Agent are set by the client)
  std::string body;
  size_t max_response_bytes = 1 << 20;  // 1 MiB, for JSON documents; raise per call for media
  std::chrono::milliseconds timeout{10'000};  // the whole exchange, per hop
  // Sign every hop as this key (the Accept header of a GET is covered, as Mastodon does).
  const SigningKey* sign_as = nullptr;
  SignatureStyle signature_style = SignatureStyle::cavage;
};

struct HttpResponse {
  int status = 0;
  HeaderList headers;  // of the final response; names lower-cased
  std::string body;
  std::string final_url;  // after redirects
  std::optional<std::string_view> header(std::string_view lowercase_name) const;
};

struct FetchError : std::runtime_error {
  enum class Kind {
    refused,             // bad URL, scheme, or an address the guard refuses: retrying will not help
    too_many_redirects,
    too_large,           // the response exceeds max_response_bytes
    timeout,
    network,             // DNS, connection, TLS, protocol
  };
  FetchError(Kind kind, const std::string& what) : std::runtime_error(what), kind(kind) {}
  Kind kind;
};

struct ClientSettings {
  std::string user_agent;  // "agora/0.1.0 (+https://example.org/)"
  GuardPolicy policy;
  std::string ca_file;  // AGORA_TEST_CA_FILE: trusted CAs instead of the system's (empty: the system's)
  std::chrono::milliseconds connect_timeout{5'000};
  int max_redirects = 3;

  static ClientSettings from(const Config& config);
};

class HttpClient {
 public:
  explicit HttpClient(ClientSettings settings);
  // Non-2xx statuses are answers, not errors; POSTs are never redirected (the
  // 3xx comes back). Throws FetchError.
  HttpResponse fetch(const OutboundRequest& request) const;
  const ClientSettings& settings() const { return settings_; }

 private:
  ClientSettings settings_;
};

}  // namespace agora::federation
