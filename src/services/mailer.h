// Mail goes out through the job queue: enqueue_mail writes a send_mail job in
// the caller's transaction; a worker renders and sends it over SMTP.
#pragma once
#include <string>

#include "mail/templates.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services {

struct OutgoingMail {
  std::string to;
  std::string subject;
  std::string text;
  std::string html;
  std::string list_unsubscribe;  // one-click unsubscribe URL (RFC 8058), or empty
};

void enqueue_mail(store::Connection& c, const OutgoingMail& mail);

// Renders template `name` in the recipient's `locale` and enqueues it; {instance}
// and {domain} are filled in from the server's settings.
void enqueue_template_mail(Context& ctx, store::Connection& c, const std::string& to, const std::string& locale,
                           const std::string& name, mail::Vars vars, const std::string& list_unsubscribe = "");

}  // namespace agora::services
