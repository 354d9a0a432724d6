#include "services/digests.h"

#include <algorithm>

#include "core/log.h"
#include "jobs/queue.h"
#include "services/mailer.h"
#include "services/notification_emails.h"
#include "store/accounts.h"
#include "store/digests.h"
#include "store/statuses.h"
#include "text/html.h"

namespace agora::services::digests {

namespace {

constexpr int kBatch = 100;
constexpr int kMentionsListed = 20;
constexpr size_t kMaxQuoted = 200;

jobs::Job next_look(int64_t delay_ms) {
  return {.kind = kJobKind, .payload = {}, .queue = "mailers", .delay_ms = delay_ms, .max_attempts = 3};
}

// "@bob: the post's text", one line per mention.
std::string mention_lines(store::Connection& c, const std::vector<store::digests::Mention>& mentions) {
  std::string out;
  for (const auto& m : mentions) {
    auto from = store::accounts::find(c, m.from_account_id);
    if (!from) continue;
    std::string text;
    if (m.status_id)
      if (auto s = store::statuses::find(c, *m.status_id))
        text = text::html_to_text(s->spoiler_text.empty() ? s->content : s->spoiler_text);
    if (text.size() > kMaxQuoted) {
      size_t cut = kMaxQuoted;  // never inside a UTF-8 sequence
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text.resize(cut);
      text += "…";
    }
    std::replace(text.begin(), text.end(), '\n', ' ');
    out += (out.empty() ? "" : "\n") + ("@" + from->acct() + ": " + text);
  }
  return out;
}

void mail_one(Context& ctx, store::Connection& c, const store::digests::Candidate& who, int64_t now) {
  auto user = store::accounts::find_user(c, who.user_id);
  if (!user || !notification_emails::wants(*user, "digest")) return;
  // Mentions since the later of the last digest and a day after the last visit.
  int64_t since = std::max(who.last_sent_at.value_or(0), who.current_sign_in_at.value_or(0) + kSignInOffsetMs);
  // Signed first: the signing key may be made on first use, on a connection of its own.
  std::string unsubscribe =
      ctx.config.base_url() + "/unsubscribe?token=" + notification_emails::unsubscribe_token(ctx, user->id, "digest");
  store::in_transaction(c, [&] {
    store::digests::mark_sent(c, user->id, now);
    int64_t count = store::digests::count_mentions_since(c, who.account_id, since);
    if (count == 0) return;  // nothing to tell: no mail, as Mastodon's
    mail::Vars vars{{"count", std::to_string(count)},
                    {"mentions", mention_lines(c, store::digests::mentions_since(c, who.account_id, since,
                                                                                 kMentionsListed))},
                    {"link", ctx.config.base_url() + "/web/notifications"},
                    {"unsubscribe", unsubscribe}};
    enqueue_template_mail(ctx, c, user->email, user->locale, "digest", vars, unsubscribe);
  });
}

}  // namespace

void schedule(Context& ctx) {
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] { jobs::enqueue_once(*lease, next_look(0)); });
}

void run(Context& ctx, int64_t now) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  int64_t after = 0;
  while (true) {
    auto due = store::digests::due(c, now - kFrequencyMs - kSignInOffsetMs, now - kFrequencyMs, after, kBatch);
    for (const auto& who : due) {
      try {
        mail_one(ctx, c, who, now);
      } catch (const std::exception& e) {
        log::warn("digest for user {} failed: {}", who.user_id, e.what());
      }
      after = who.user_id;
    }
    if (due.size() < static_cast<size_t>(kBatch)) break;
  }
  store::in_transaction(c, [&] { jobs::enqueue_once(c, next_look(kCheckEveryMs)); });
}

}  // namespace agora::services::digests
