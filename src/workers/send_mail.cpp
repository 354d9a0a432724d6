// The send_mail job: renders the message and hands it to the SMTP server.
#include "core/log.h"
#include "core/time.h"
#include "mail/message.h"
#include "mail/smtp.h"
#include "services/instance.h"
#include "workers/handlers.h"

namespace agora::workers {

namespace {
// Addresses are personal data: the log names only the domain a mail went to.
std::string loggable_recipient(const std::string& to) {
  auto at = to.rfind('@');
  return at == std::string::npos ? "(unknown)" : "…" + to.substr(at);
}

std::string field(const boost::json::object& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->value().is_string()) throw PermanentFailure(std::string("send_mail without ") + key);
  return std::string(it->value().as_string());
}

std::string optional_field(const boost::json::object& p, const char* key) {
  return p.contains(key) ? field(p, key) : "";
}
}  // namespace

void send_mail(services::Context& ctx, const boost::json::object& payload) {
  std::string title;
  {
    auto conn = ctx.db.acquire();
    title = services::instance_settings(*conn).title;
  }
  mail::Message m{ctx.config.smtp.from_address, title, field(payload, "to"), field(payload, "subject"),
                  field(payload, "text"), optional_field(payload, "html"), optional_field(payload, "list_unsubscribe")};
  if (ctx.config.smtp.server.empty()) {
    // No SMTP server configured: a developer sees the mail in the log; in production it carries
    // links with tokens, so only the fact is logged.
    if (ctx.config.env == Environment::production)
      log::warn("AGORA_SMTP_SERVER is not set; mail to {} not sent: {}", loggable_recipient(m.to), m.subject);
    else
      log::warn("AGORA_SMTP_SERVER is not set; mail to {} not sent:\nSubject: {}\n{}", m.to, m.subject, m.text);
    return;
  }
  std::string host = ctx.config.domain.substr(0, ctx.config.domain.rfind(':'));
  try {
    mail::send_smtp(ctx.config.smtp, m.from, m.to, mail::render(m, now_ms(), host));
  } catch (const mail::PermanentSmtpError& e) {
    throw PermanentFailure(e.what());  // a refused recipient is not retried
  }
  log::info("mail sent to {}: {}", loggable_recipient(m.to), m.subject);
}

}  // namespace agora::workers
