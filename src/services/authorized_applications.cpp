#include "services/authorized_applications.h"

#include "core/errors.h"
#include "core/time.h"
#include "services/stream_events.h"

namespace agora::services {

std::vector<AuthorizedApplication> authorized_applications(Context& ctx, int64_t user_id) {
  auto conn = ctx.db.acquire();
  return store::authorized_applications::list(*conn, user_id, now_ms());
}

void revoke_authorized_application(Context& ctx, int64_t user_id, int64_t application_id) {
  auto conn = ctx.db.acquire();
  auto revoked = store::in_transaction(
      *conn, [&] { return store::authorized_applications::revoke(*conn, application_id, user_id, now_ms()); });
  if (revoked.empty()) throw Error::not_found();
  for (auto id : revoked) stream_events::token_revoked(*conn, id);
}

}  // namespace agora::services
