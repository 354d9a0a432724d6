// Forgotten passwords: a reset link by mail, valid for six hours (as
// Devise's reset_password_within), that sets a new password and signs the
// member out everywhere.
#pragma once
#include <string>

#include "services/context.h"

namespace agora::services {

// Mails a reset link if the address belongs to a usable login. Says nothing
// either way, so the form cannot be used to probe for members.
void request_password_reset(Context& ctx, const std::string& email);

// Sets the new password; throws Error 422 for a bad password and 404 for an
// unknown or expired token.
void reset_password(Context& ctx, const std::string& token, const std::string& password,
                    const std::string& confirmation);

}  // namespace agora::services
