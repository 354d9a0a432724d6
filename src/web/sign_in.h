// Sign-in pages, shared with the OAuth authorization page (which shows the
// sign-in form to visitors who are not signed in yet).
#pragma once
#include <string>

#include "web/visit.h"

namespace agora::web {

// The e-mail and password form; after signing in the browser returns to
// `return_to` (a local path).
http::Response sign_in_form(const Visit& visit, const std::string& return_to, const std::string& email = "",
                            const std::string& message = "", int status = 200);

}  // namespace agora::web
