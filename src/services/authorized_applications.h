// Settings → Authorized apps: what a member has let applications do, and
// taking it back (their tokens revoked, their open streams closed).
#pragma once
#include <vector>

#include "services/context.h"
#include "store/authorized_applications.h"

namespace agora::services {

using store::authorized_applications::AuthorizedApplication;

std::vector<AuthorizedApplication> authorized_applications(Context& ctx, int64_t user_id);
// Throws Error 404 when the application holds no live token of this member.
void revoke_authorized_application(Context& ctx, int64_t user_id, int64_t application_id);

}  // namespace agora::services
