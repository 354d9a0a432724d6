#include "services/mailer.h"

#include "jobs/queue.h"
#include "services/instance.h"

namespace agora::services {

void enqueue_mail(store::Connection& c, const OutgoingMail& mail) {
  boost::json::object payload{{"to", mail.to}, {"subject", mail.subject}, {"text", mail.text}, {"html", mail.html}};
  if (!mail.list_unsubscribe.empty()) payload["list_unsubscribe"] = mail.list_unsubscribe;
  jobs::enqueue(c, {.kind = "send_mail", .payload = std::move(payload), .queue = "mailers", .max_attempts = 12});
}

void enqueue_template_mail(Context& ctx, store::Connection& c, const std::string& to, const std::string& locale,
                           const std::string& name, mail::Vars vars, const std::string& list_unsubscribe) {
  vars.emplace("instance", instance_settings(c).title);
  vars.emplace("domain", ctx.config.domain);
  auto rendered = mail::render_template(name, locale, vars);
  enqueue_mail(c, {.to = to,
                   .subject = rendered.subject,
                   .text = rendered.text,
                   .html = rendered.html,
                   .list_unsubscribe = list_unsubscribe});
}

}  // namespace agora::services
