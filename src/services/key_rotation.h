// New signing keys for local accounts (agora accounts rotate, as tootctl
// accounts rotate): a fresh RSA key pair replaces the old one under the same
// key id, and an Update(actor) carrying the new public key goes to the
// account's followers' servers. The Update is signed with the new key:
// a server that still holds the old one fails to verify it, fetches the
// actor again (as agora and Mastodon do on a failed check) and so learns the
// key either way.
#pragma once
#include <cstdint>
#include <string>

#include "services/context.h"

namespace agora::services {

// Throws Error::not_found for an unknown or remote account.
void rotate_keys(Context& ctx, int64_t account_id);
// Every local account that is not suspended; returns how many were rotated.
int64_t rotate_all_keys(Context& ctx);

}  // namespace agora::services
