// Mail goes out through the job queue: enqueue_mail writes a send_mail job in
// the caller's transaction; a worker renders and sends it over SMTP.
#pragma once
#include <string>

#include "store/database.h"

namespace agora::services {

struct OutgoingMail {
  std::string to;
  std::string subject;
  std::string text;
  std::string html;
};

void enqueue_mail(store::Connection& c, const OutgoingMail& mail);

}  // namespace agora::services
