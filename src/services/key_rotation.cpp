#include "services/key_rotation.h"

#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/outbound.h"
#include "store/account_keys.h"
#include "store/accounts.h"

namespace agora::services {

void rotate_keys(Context& ctx, int64_t account_id) {
  auto keys = crypto::generate_rsa_keypair(2048);  // slow: before the transaction
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    if (!store::account_keys::replace(*conn, account_id, keys.public_pem, keys.private_pem, now_ms()))
      throw Error::not_found();
    auto account = store::accounts::find(*conn, account_id);
    if (!account) throw Error::not_found();
    outbound::profile_updated(*conn, ctx, *account);
  });
}

int64_t rotate_all_keys(Context& ctx) {
  std::vector<int64_t> ids;
  {
    auto conn = ctx.db.acquire();
    ids = store::account_keys::local_unsuspended(*conn);
  }
  int64_t rotated = 0;
  for (int64_t id : ids) {
    try {
      rotate_keys(ctx, id);
      ++rotated;
    } catch (const Error& e) {
      if (e.status() != 404) throw;  // 404: deleted meanwhile
    }
  }
  return rotated;
}

}  // namespace agora::services
