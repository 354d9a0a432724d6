// Sends a rendered message over SMTP (libcurl), with STARTTLS or implicit
// TLS and optional login. Throws std::runtime_error on failure (the job retries).
#pragma once
#include <string>

#include "core/config.h"

namespace agora::mail {

void send_smtp(const SmtpSettings& smtp, const std::string& from, const std::string& to, const std::string& data);

}  // namespace agora::mail
