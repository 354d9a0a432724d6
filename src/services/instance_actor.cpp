#include "services/instance_actor.h"

#include "core/crypto.h"
#include "store/settings.h"

namespace agora::services {

namespace {
constexpr const char* kPrivateKey = "instance_actor_private_key";
constexpr const char* kPublicKey = "instance_actor_public_key";
}  // namespace

InstanceActor instance_actor(Context& ctx) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto private_key = store::settings::find(c, kPrivateKey);
  auto public_key = store::settings::find(c, kPublicKey);
  if (!private_key || !public_key) {
    // Two processes may race here; the transaction makes one pair win and both read it back.
    store::in_transaction(c, [&] {
      if (store::settings::find(c, kPrivateKey)) return;
      auto pair = crypto::generate_rsa_keypair();
      store::settings::put(c, kPrivateKey, pair.private_pem);
      store::settings::put(c, kPublicKey, pair.public_pem);
    });
    private_key = store::settings::find(c, kPrivateKey);
    public_key = store::settings::find(c, kPublicKey);
  }
  InstanceActor out;
  auto& a = out.account;
  a.username = ctx.config.domain;
  a.actor_type = "Application";
  a.uri = ctx.config.base_url() + "/actor";
  a.url = ctx.config.base_url() + "/about/more?instance_actor=true";
  a.inbox_url = a.uri + "/inbox";
  a.key_id = a.uri + "#main-key";
  a.public_key_pem = public_key->value;
  out.private_key_pem = private_key->value;
  return out;
}

}  // namespace agora::services
