#include "events/redis_bus.h"

#include <hiredis/hiredis.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "core/log.h"

namespace agora::events {

namespace {

constexpr const char* kChannel = "agora:streaming";

struct Address {
  std::string host;
  int port = 6379;
  std::string unix_path;
  std::string password;
};

Address parse_url(const std::string& url) {
  Address a;
  if (url.rfind("unix://", 0) == 0) {
    a.unix_path = url.substr(7);
    return a;
  }
  std::string rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find('/'));
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string userinfo = rest.substr(0, at);
    a.password = userinfo.substr(userinfo.find(':') == std::string::npos ? 0 : userinfo.find(':') + 1);
    rest = rest.substr(at + 1);
  }
  if (auto colon = rest.rfind(':'); colon != std::string::npos && rest.find(']') == std::string::npos) {
    a.port = std::stoi(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  a.host = rest.empty() ? "127.0.0.1" : rest;
  return a;
}

using Context = std::unique_ptr<redisContext, decltype(&redisFree)>;

Context connect(const Address& a) {
  timeval timeout{5, 0};
  redisContext* raw = a.unix_path.empty() ? redisConnectWithTimeout(a.host.c_str(), a.port, timeout)
                                          : redisConnectUnixWithTimeout(a.unix_path.c_str(), timeout);
  Context c(raw, redisFree);
  if (!c) throw std::runtime_error("redis: out of memory");
  if (c->err) throw std::runtime_error(std::string("redis: ") + c->errstr);
  if (!a.password.empty()) {
    auto* reply = static_cast<redisReply*>(redisCommand(c.get(), "AUTH %s", a.password.c_str()));
    bool ok = reply && reply->type != REDIS_REPLY_ERROR;
    if (reply) freeReplyObject(reply);
    if (!ok) throw std::runtime_error("redis: authentication failed");
  }
  return c;
}

class RedisBus final : public Bus {
 public:
  explicit RedisBus(Address address) : address_(std::move(address)), subscriber_(subscribe()) {
    reader_ = std::thread([this] { read_loop(); });
  }

  ~RedisBus() override {
    stopping_ = true;
    {
      std::lock_guard lock(subscriber_mutex_);
      if (subscriber_) ::shutdown(subscriber_->fd, SHUT_RDWR);
    }
    if (reader_.joinable()) reader_.join();
  }

  void publish(const Event& e) override {
    std::string message = encode(e);
    std::lock_guard lock(publisher_mutex_);
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        if (!publisher_) publisher_ = std::make_unique<Context>(connect(address_));
        auto* reply = static_cast<redisReply*>(
            redisCommand(publisher_->get(), "PUBLISH %s %b", kChannel, message.data(), message.size()));
        if (reply) {
          freeReplyObject(reply);
          return;
        }
        publisher_.reset();  // the connection broke: once more on a new one
      } catch (const std::exception& ex) {
        log::warn("streaming event lost: {}", ex.what());
        return;
      }
    }
    log::warn("streaming event lost: redis publish failed");
  }

 private:
  Context subscribe() {
    Context c = connect(address_);
    auto* reply = static_cast<redisReply*>(redisCommand(c.get(), "SUBSCRIBE %s", kChannel));
    if (!reply) throw std::runtime_error("redis: subscribe failed");
    freeReplyObject(reply);
    return c;
  }

  void read_loop() {
    while (!stopping_) {
      void* raw = nullptr;
      if (redisGetReply(subscriber_.get(), &raw) != REDIS_OK || !raw) {
        if (stopping_) return;
        log::warn("redis subscription lost; reconnecting");
        reconnect();
        continue;
      }
      auto* reply = static_cast<redisReply*>(raw);
      // ["message", channel, payload]
      if (reply->type == REDIS_REPLY_ARRAY && reply->elements == 3 && reply->element[2]->type == REDIS_REPLY_STRING)
        if (auto e = decode(std::string_view(reply->element[2]->str, reply->element[2]->len))) deliver(*e);
      freeReplyObject(reply);
    }
  }

  void reconnect() {
    while (!stopping_) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      try {
        auto fresh = subscribe();
        std::lock_guard lock(subscriber_mutex_);
        subscriber_ = std::move(fresh);
        return;
      } catch (const std::exception& ex) {
        log::warn("{}", ex.what());
      }
    }
  }

  Address address_;
  std::mutex publisher_mutex_;
  std::unique_ptr<Context> publisher_;
  std::mutex subscriber_mutex_;
  Context subscriber_;
  std::atomic<bool> stopping_{false};
  std::thread reader_;
};

}  // namespace

std::unique_ptr<Bus> make_redis_bus(const std::string& url) { return std::make_unique<RedisBus>(parse_url(url)); }

}  // namespace agora::events
