// One client's streaming connection (SSE: one channel; WebSocket: any
// number, changed by subscribe/unsubscribe messages) and the events it is
// sent, decided and rendered for its viewer by services/stream_rules.h.
#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/bus.h"
#include "http/stream.h"
#include "model/account.h"
#include "services/context.h"
#include "streaming/channels.h"

namespace agora::streaming {

class Hub;

// Messages already rendered for one event, by viewer account, transport and
// stream: streams of one account on one timeline get the same message, so it
// is decided and rendered once per event, not once per connection.
using DeliveryCache = std::unordered_map<std::string, std::optional<std::string>>;

struct Viewer {
  model::Account account;
  int64_t token_id = 0;
  std::vector<std::string> scopes;
  std::string token;  // to check it is still valid while the stream lasts
};

class Session final : public http::StreamHandler, public std::enable_shared_from_this<Session> {
 public:
  Session(Hub& hub, services::Context& ctx, Viewer viewer, bool websocket);

  // SSE: the one channel; WebSocket: the one named in the URL (?stream=).
  void add_channel(Channel channel);

  void opened(std::shared_ptr<http::StreamSink> sink) override;
  void received(const std::string& text) override;
  void closed() override;

  // On the hub's thread; `cache` lives for one event.
  void deliver(const events::Event& e, DeliveryCache& cache);
  const Viewer& viewer() const { return viewer_; }
  void close();

 private:
  void subscribe(const std::string& name, const boost::json::object& params);
  void unsubscribe(const std::string& name, const boost::json::object& params);
  void send_error(const StreamError& e);
  std::string message(const Channel& channel, const std::string& event, const std::optional<std::string>& payload) const;
  void send(const Channel& channel, const std::string& event, const std::optional<std::string>& payload);
  void send_message(std::string message);
  void deliver_status(const std::string& event, int64_t id, const std::vector<Channel>& channels,
                      DeliveryCache& cache);
  void deliver_delete(const std::string& payload, const std::vector<Channel>& channels);
  void deliver_own(const events::Event& e, const std::vector<Channel>& channels);
  void deliver_announcement(const events::Event& e, const std::vector<Channel>& channels);
  std::vector<Channel> channels() const;

  Hub& hub_;
  services::Context& ctx_;
  Viewer viewer_;
  bool websocket_;
  mutable std::mutex mutex_;
  std::vector<Channel> channels_;
  std::shared_ptr<http::StreamSink> sink_;
};

}  // namespace agora::streaming
