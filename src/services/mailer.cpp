#include "services/mailer.h"

#include "jobs/queue.h"

namespace agora::services {

void enqueue_mail(store::Connection& c, const OutgoingMail& mail) {
  jobs::enqueue(c, {.kind = "send_mail",
                    .payload = {{"to", mail.to}, {"subject", mail.subject}, {"text", mail.text}, {"html", mail.html}},
                    .queue = "mailers",
                    .max_attempts = 12});
}

}  // namespace agora::services
