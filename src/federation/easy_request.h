// One prepared libcurl transfer for one URL: the address guard's pinning,
// limits, headers and signature are set up once here, so the blocking client
// (http_client.cpp) and the event loop (multi_client.cpp) send identical
// requests. Internal to federation/.
#pragma once
#include <curl/curl.h>

#include <memory>
#include <string>

#include "federation/http_client.h"
#include "federation/url.h"

namespace agora::federation {

void init_curl_once();

class EasyRequest {
 public:
  // Checks the destination with the guard (blocks on DNS) and signs; throws FetchError.
  EasyRequest(const ClientSettings& settings, const OutboundRequest& request, const HttpUrl& url);
  ~EasyRequest();
  EasyRequest(const EasyRequest&) = delete;
  EasyRequest& operator=(const EasyRequest&) = delete;

  CURL* handle() const { return handle_; }
  // The answer once libcurl is done with `rc`; throws FetchError.
  HttpResponse finish(CURLcode rc);

  struct Transfer {
    size_t max_body = 0;
    HttpResponse response;
    size_t header_bytes = 0;
    bool too_large = false;
  };

 private:
  void configure(const ClientSettings& settings, const OutboundRequest& request, const HttpUrl& url,
                 const Destination& d);
  void release();

  CURL* handle_ = nullptr;
  curl_slist* pins_ = nullptr;
  curl_slist* headers_ = nullptr;
  std::string target_;
  std::string body_;  // libcurl reads it in place, so it lives as long as the transfer
  Transfer transfer_;
  char error_[CURL_ERROR_SIZE] = {0};
};

}  // namespace agora::federation
