// The instance actor (BASE/actor): the server itself as an Application
// actor, whose key signs the fetches made for no member in particular (and
// which Mastodon peers in authorized-fetch mode require). Its key pair is
// made on first use and kept in the settings table.
#pragma once
#include <string>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

struct InstanceActor {
  model::Account account;  // not stored as an account row: username is the domain, uri BASE/actor
  std::string private_key_pem;
};

InstanceActor instance_actor(Context& ctx);

}  // namespace agora::services
