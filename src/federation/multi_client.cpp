#include "federation/multi_client.h"

#include <curl/curl.h>

#include <map>

#include "core/log.h"
#include "federation/easy_request.h"
#include "federation/url.h"

namespace agora::federation {

namespace {
constexpr int kPollMs = 1000;
CURLM* as_multi(void* m) { return static_cast<CURLM*>(m); }
}  // namespace

struct MultiClient::Transfer {
  std::unique_ptr<EasyRequest> easy;
  Done done;
};

MultiClient::MultiClient(ClientSettings settings) : settings_(std::move(settings)) {
  init_curl_once();
  multi_ = curl_multi_init();
  if (!multi_) throw std::runtime_error("curl_multi_init failed");
  thread_ = std::thread([this] { loop(); });
}

MultiClient::~MultiClient() {
  stopping_ = true;
  curl_multi_wakeup(as_multi(multi_));
  thread_.join();
  for (auto& t : submitted_) t->done({std::nullopt, FetchError(FetchError::Kind::network, "shutting down")});
  curl_multi_cleanup(as_multi(multi_));
}

void MultiClient::submit(const OutboundRequest& request, Done done) {
  auto transfer = std::make_unique<Transfer>();
  transfer->done = std::move(done);
  try {
    auto url = parse_http_url(request.url);
    if (!url) throw FetchError(FetchError::Kind::refused, "Not an absolute http(s) URL: " + request.url);
    transfer->easy = std::make_unique<EasyRequest>(settings_, request, *url);
  } catch (const FetchError& e) {
    transfer->done({std::nullopt, e});
    return;
  }
  ++in_flight_;
  {
    std::lock_guard lock(mutex_);
    submitted_.push_back(std::move(transfer));
  }
  curl_multi_wakeup(as_multi(multi_));
}

void MultiClient::loop() {
  CURLM* multi = as_multi(multi_);
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  auto complete = [&](CURL* handle, FetchResult result) {
    auto it = running.find(handle);
    if (it == running.end()) return;
    auto transfer = std::move(it->second);
    running.erase(it);
    curl_multi_remove_handle(multi, handle);
    --in_flight_;
    try {
      transfer->done(std::move(result));
    } catch (const std::exception& e) {
      log::error("outbound request callback failed: {}", e.what());
    }
  };
  while (!stopping_) {
    std::vector<std::unique_ptr<Transfer>> added;
    {
      std::lock_guard lock(mutex_);
      added.swap(submitted_);
    }
    for (auto& t : added) {
      CURL* handle = t->easy->handle();
      running.emplace(handle, std::move(t));
      if (curl_multi_add_handle(multi, handle) != CURLM_OK)
        complete(handle, {std::nullopt, FetchError(FetchError::Kind::network, "curl_multi_add_handle failed")});
    }
    int still_running = 0;
    curl_multi_perform(multi, &still_running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* handle = msg->easy_handle;
      CURLcode rc = msg->data.result;
      auto it = running.find(handle);
      if (it == running.end()) continue;
      FetchResult result;
      try {
        result.response = it->second->easy->finish(rc);
      } catch (const FetchError& e) {
        result.error = e;
      }
      complete(handle, std::move(result));
    }
    curl_multi_poll(multi, nullptr, 0, kPollMs, nullptr);
  }
  std::vector<CURL*> left;
  for (auto& [handle, t] : running) left.push_back(handle);
  for (CURL* handle : left) complete(handle, {std::nullopt, FetchError(FetchError::Kind::network, "shutting down")});
}

}  // namespace agora::federation
