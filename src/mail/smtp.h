// Sends a rendered message over SMTP (libcurl), with STARTTLS or implicit
// TLS and optional login. Throws std::runtime_error on failure (the job
// retries), PermanentSmtpError when the server refused with a 5xx reply.
#pragma once
#include <stdexcept>
#include <string>

#include "core/config.h"

namespace agora::mail {

// A 5xx reply (e.g. "550 no such user"): sending again will not help.
struct PermanentSmtpError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void send_smtp(const SmtpSettings& smtp, const std::string& from, const std::string& to, const std::string& data);

}  // namespace agora::mail
