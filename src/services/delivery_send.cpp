// The sending half of delivery (services/delivery.h): one signed POST.
#include <stdexcept>

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
}  // namespace

Outcome send(Context& ctx, int64_t sender_id, const std::string& inbox, const std::string& body) {
  std::string host = activitypub::host_of(inbox);
  federation::SigningKey key;
  if (sender_id == kInstanceActorId) {
    auto self = instance_actor(ctx);
    key = {self.account.key_id, self.private_key_pem};
  }
  {
    auto lease = ctx.db.acquire();
    auto& c = *lease;
    if (sender_id != kInstanceActorId) {
      auto sender = store::accounts::find(c, sender_id);
      auto private_key = store::remote_accounts::private_key(c, sender_id);
      if (!sender || !private_key) return Outcome::refused;
      key = {sender->key_id.empty() ? sender->uri + "#main-key" : sender->key_id, *private_key};
    }
    if (auto since = store::instances::unavailable_since(c, host); since && *since < now_ms() - kGiveUpAfterMs)
      return Outcome::refused;
  }
  if (resolver::suspended_domain(ctx, host)) return Outcome::refused;

  federation::OutboundRequest request;
  request.method = "POST";
  request.url = inbox;
  request.headers = {{"Content-Type", "application/activity+json"}};
  request.body = body;
  request.sign_as = &key;
  request.max_response_bytes = 64 * 1024;
  int status = 0;
  auto slot = federation::HostLimiter::deliveries().acquire(host, std::chrono::seconds(30));
  if (!slot) throw std::runtime_error("delivery to " + inbox + ": too many requests in flight to " + host);
  try {
    status = federation::HttpClient(federation::ClientSettings::from(ctx.config)).fetch(request).status;
  } catch (const federation::FetchError& e) {
    if (e.kind == federation::FetchError::Kind::refused) {
      log::warn("delivery to {} refused: {}", inbox, e.what());
      return Outcome::refused;
    }
    auto lease = ctx.db.acquire();
    store::instances::record_failure(*lease, host, now_ms());
    throw std::runtime_error(std::string("delivery to ") + inbox + ": " + e.what());
  }
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

}  // namespace agora::services::delivery
