#include "services/web_sessions.h"

#include "core/crypto.h"
#include "core/time.h"
#include "services/sign_in.h"
#include "services/sign_in_alerts.h"
#include "store/accounts.h"
#include "store/sign_ins.h"
#include "store/web_sessions.h"

namespace agora::services {

namespace {
constexpr size_t kMaxUserAgentLength = 512;
constexpr int64_t kTouchEveryMs = 3600 * 1000;  // last_seen_at is coarse, to spare writes
}  // namespace

std::string start_web_session(Context& ctx, const model::User& user, const std::string& user_agent,
                              const std::string& ip) {
  std::string token = crypto::random_token(32);
  int64_t now = now_ms();
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    store::web_sessions::insert(*conn, user.id, crypto::sha256_hex(token), user_agent.substr(0, kMaxUserAgentLength),
                                ip, now);
    sign_in_alerts::signing_in(ctx, *conn, user, ip, user_agent, now);
    store::sign_ins::record_success(*conn, user.id, now, ip);
  });
  return token;
}

std::optional<WebSession> find_web_session(Context& ctx, std::string_view token, const std::string& ip) {
  if (token.empty()) return std::nullopt;
  auto conn = ctx.db.acquire();
  auto session = store::web_sessions::find_by_token_hash(*conn, crypto::sha256_hex(token));
  if (!session) return std::nullopt;
  int64_t now = now_ms();
  if (now - session->last_seen_at > kWebSessionIdleMs) {
    store::web_sessions::remove(*conn, session->id);
    return std::nullopt;
  }
  auto user = store::accounts::find_user(*conn, session->user_id);
  auto account = user ? store::accounts::find(*conn, user->account_id) : std::nullopt;
  if (!user || sign_in_refusal(*user, account ? &*account : nullptr)) return std::nullopt;
  if (now - session->last_seen_at > kTouchEveryMs) store::web_sessions::touch(*conn, session->id, now, ip);
  return WebSession{session->id, *user, *account};
}

void end_web_session(Context& ctx, std::string_view token) {
  if (token.empty()) return;
  auto conn = ctx.db.acquire();
  if (auto session = store::web_sessions::find_by_token_hash(*conn, crypto::sha256_hex(token)))
    store::web_sessions::remove(*conn, session->id);
}

}  // namespace agora::services
