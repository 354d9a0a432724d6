// The sending half of delivery (services/delivery.h): one signed POST.
#include <stdexcept>

#include <boost/json/parse.hpp>

#include "activitypub/parse_origin.h"
#include "core/log.h"
#include "core/time.h"
#include "federation/host_limiter.h"
#include "federation/http_client.h"
#include "services/delivery.h"
#include "services/instance_actor.h"
#include "services/resolver.h"
#include "store/accounts.h"
#include "store/instances.h"
#include "store/remote_accounts.h"

namespace agora::services::delivery {

namespace {
constexpr int64_t kGiveUpAfterMs = 7LL * 24 * 3600 * 1000;

bool retryable(int status) { return status >= 500 || status == 408 || status == 429; }

struct Described {
  std::string type, object;  // the activity's type and its object's id
  std::string object_type;
};
Described describe(const std::string& body) {
  Described d;
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object()) return d;
  const auto& o = v.as_object();
  if (auto* t = o.if_contains("type"); t && t->is_string()) d.type = t->as_string();
  if (auto* obj = o.if_contains("object")) {
    if (obj->is_string()) d.object = obj->as_string();
    else if (obj->is_object()) {
      if (auto* id = obj->as_object().if_contains("id"); id && id->is_string()) d.object = id->as_string();
      if (auto* t = obj->as_object().if_contains("type"); t && t->is_string()) d.object_type = t->as_string();
    }
  }
  return d;
}

// A suspended local account says nothing more, except that it is suspended
// or deleted: Update or Delete of its own actor.
bool speaks_while_suspended(const Described& d, const model::Account& sender) {
  return (d.type == "Update" || d.type == "Delete") && d.object == sender.uri;
}

// A suspended domain still hears that its follows ended (Mastodon's
// DeleteAccountService sends Reject and Undo of them as the block begins).
bool reaches_suspended_domain(const Described& d) {
  return (d.type == "Reject" || d.type == "Undo") && d.object_type == "Follow";
}
}  // namespace

std::unique_ptr<PreparedDelivery> prepare(Context& ctx, int64_t sender_id, const std::string& inbox,
                                          const std::string& body) {
  auto prepared = std::make_unique<PreparedDelivery>();
  prepared->host = activitypub::host_of(inbox);
  if (sender_id == kInstanceActorId) {
    auto self = instance_actor(ctx);
    prepared->key = {self.account.key_id, self.private_key_pem};
  }
  {
    auto lease = ctx.db.acquire();
    auto& c = *lease;
    if (sender_id != kInstanceActorId) {
      auto sender = store::accounts::find(c, sender_id);
      auto private_key = store::remote_accounts::private_key(c, sender_id);
      if (!sender || !private_key) return nullptr;
      if (sender->suspended_at && !speaks_while_suspended(describe(body), *sender)) return nullptr;
      prepared->key = {sender->key_id.empty() ? sender->uri + "#main-key" : sender->key_id, *private_key};
    }
    if (auto since = store::instances::unavailable_since(c, prepared->host);
        since && *since < now_ms() - kGiveUpAfterMs)
      return nullptr;
  }
  if (resolver::domain_not_allowed(ctx, prepared->host) &&
      !(resolver::suspended_domain(ctx, prepared->host) && reaches_suspended_domain(describe(body))))
    return nullptr;

  auto& request = prepared->request;
  request.method = "POST";
  request.url = inbox;
  request.headers = {{"Content-Type", "application/activity+json"}};
  request.body = body;
  request.sign_as = &prepared->key;
  request.max_response_bytes = 64 * 1024;
  // Mastodon's Request allows 10 s of silence on a read: the same whole-exchange cap as every fetch.
  return prepared;
}

Outcome conclude(Context& ctx, const std::string& inbox, const std::optional<federation::HttpResponse>& response,
                 const std::optional<federation::FetchError>& error) {
  std::string host = activitypub::host_of(inbox);
  if (!response) {
    if (error && error->kind == federation::FetchError::Kind::refused) {
      log::warn("delivery to {} refused: {}", inbox, error->what());
      return Outcome::refused;
    }
    auto lease = ctx.db.acquire();
    store::instances::record_failure(*lease, host, now_ms());
    throw std::runtime_error(std::string("delivery to ") + inbox + ": " + (error ? error->what() : "no answer"));
  }
  int status = response->status;
  auto lease = ctx.db.acquire();
  if (status >= 200 && status < 300) {
    store::instances::record_success(*lease, host, now_ms());
    return Outcome::delivered;
  }
  if (retryable(status)) {
    store::instances::record_failure(*lease, host, now_ms());
    throw std::runtime_error("delivery to " + inbox + ": HTTP " + std::to_string(status));
  }
  log::info("delivery to {} refused: HTTP {}", inbox, status);
  return Outcome::refused;
}

Outcome send(Context& ctx, int64_t sender_id, const std::string& inbox, const std::string& body) {
  auto prepared = prepare(ctx, sender_id, inbox, body);
  if (!prepared) return Outcome::refused;
  auto slot = federation::HostLimiter::deliveries().acquire(prepared->host, std::chrono::seconds(30));
  if (!slot) throw std::runtime_error("delivery to " + inbox + ": too many requests in flight to " + prepared->host);
  std::optional<federation::HttpResponse> response;
  std::optional<federation::FetchError> error;
  try {
    response = federation::HttpClient(federation::ClientSettings::from(ctx.config)).fetch(prepared->request);
  } catch (const federation::FetchError& e) {
    error = e;
  }
  return conclude(ctx, inbox, response, error);
}

}  // namespace agora::services::delivery
