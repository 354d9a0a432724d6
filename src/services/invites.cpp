#include "services/invites.h"

#include <algorithm>
#include <array>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/follows.h"
#include "services/validation.h"
#include "store/accounts.h"
#include "store/admin_action_logs.h"
#include "store/invites.h"

namespace agora::services {

namespace {

using model::Permission;

constexpr std::array<int64_t, 6> kMaxUses = {1, 5, 10, 25, 50, 100};
constexpr std::array<int64_t, 6> kExpiresIn = {1800, 3600, 21600, 43200, 86400, 604800};
constexpr size_t kMaxComment = 420;
constexpr int kCodeLength = 8;

template <size_t N>
bool among(const std::array<int64_t, N>& choices, int64_t v) {
  return std::find(choices.begin(), choices.end(), v) != choices.end();
}

// Eight letters and digits, as Mastodon's Invite#set_code.
std::string new_code() {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string bytes = crypto::random_bytes(kCodeLength);
  std::string code;
  for (unsigned char b : bytes) code += kAlphabet[b % kAlphabet.size()];
  return code;
}

model::Paginated<model::Invite> paginated(std::vector<model::Invite> items, int limit) {
  model::Paginated<model::Invite> out;
  out.items = std::move(items);
  if (!out.items.empty()) {
    if (static_cast<int>(out.items.size()) == limit) out.next_max_id = out.items.back().id;
    out.prev_since_id = out.items.front().id;
  }
  return out;
}

}  // namespace

model::Paginated<model::Invite> list_own_invites(Context& ctx, const Staff& member, const model::PageRequest& page) {
  authorize(can(member, Permission::invite_users));
  auto conn = ctx.db.acquire();
  return paginated(store::invites::by_user(*conn, member.user.id, page), page.limit);
}

model::Invite create_invite(Context& ctx, const Staff& member, const InviteFields& in) {
  authorize(can(member, Permission::invite_users));
  Validation v;
  if (in.max_uses && !among(kMaxUses, *in.max_uses))
    v.add("max_uses", "Max uses", "ERR_INCLUSION", "is not included in the list");
  if (in.expires_in && !among(kExpiresIn, *in.expires_in))
    v.add("expires_in", "Expires in", "ERR_INCLUSION", "is not included in the list");
  if (in.comment.size() > kMaxComment)
    v.add("comment", "Comment", "ERR_TOO_LONG", "is too long (maximum is 420 characters)");
  v.throw_if_failed();
  int64_t now = now_ms();
  model::Invite i;
  i.id = next_id();
  i.user_id = member.user.id;
  i.code = new_code();
  if (in.expires_in) i.expires_at = now + *in.expires_in * 1000;
  i.max_uses = in.max_uses;
  i.autofollow = in.autofollow;
  i.comment = in.comment;
  i.created_at = now;
  auto conn = ctx.db.acquire();
  store::invites::insert(*conn, i);
  return *store::invites::find(*conn, i.id);
}

model::Invite expire_invite(Context& ctx, const Staff& member, int64_t id) {
  auto conn = ctx.db.acquire();
  auto invite = store::invites::find(*conn, id);
  bool manages = can(member, Permission::manage_invites);
  // Someone else's invite is not there for a member who cannot manage invites.
  if (!invite || (invite->user_id != member.user.id && !manages)) throw Error::not_found();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::invites::expire(*conn, id, now);
    if (invite->user_id != member.user.id)
      store::admin_action_logs::record(*conn, member.account.id, "destroy", "Invite", id, invite->code, now);
  });
  return *store::invites::find(*conn, id);
}

model::Paginated<model::Invite> list_all_invites(Context& ctx, const Staff& staff, const std::string& state,
                                                 const model::PageRequest& page) {
  authorize(can(staff, Permission::manage_invites));
  if (!state.empty() && state != "available" && state != "expired")
    throw Error::bad_request("Unknown state: " + state);
  auto conn = ctx.db.acquire();
  return paginated(store::invites::list(*conn, state, now_ms(), page), page.limit);
}

int64_t expire_all_invites(Context& ctx, const Staff& staff) {
  authorize(can(staff, Permission::manage_invites));
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  return store::in_transaction(*conn, [&] {
    int64_t n = store::invites::expire_all(*conn, now);
    store::admin_action_logs::record(*conn, staff.account.id, "deactivate_all", "Invite", 0, "all", now);
    return n;
  });
}

std::optional<model::Invite> usable_invite(store::Connection& c, const std::string& code, int64_t now_ms) {
  if (code.empty() || code.size() > 64) return std::nullopt;
  auto invite = store::invites::find_by_code(c, code);
  if (!invite || !invite->valid_for_use(now_ms)) return std::nullopt;
  return invite;
}

void autofollow_inviter(Context& ctx, int64_t user_id) {
  std::optional<model::Account> member;
  std::optional<model::Invite> invite;
  {
    auto conn = ctx.db.acquire();
    auto user = store::accounts::find_user(*conn, user_id);
    if (!user || !user->approved || !user->confirmed_at) return;
    invite = store::invites::used_by(*conn, user_id);
    if (!invite || !invite->autofollow) return;
    member = store::accounts::find(*conn, user->account_id);
  }
  if (!member || member->id == invite->account_id) return;
  try {
    follow(ctx, *member, invite->account_id, {});
  } catch (const Error&) {
    // The creator refuses followers now (suspended, blocking): the sign-up stands without the follow.
  }
}

}  // namespace agora::services
