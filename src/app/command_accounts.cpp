// agora accounts create|token|modify|reset-password|delete|alias|move|rotate: local
// accounts from the command line, as tootctl accounts.
#include <cstdio>

#include "app/cli.h"
#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/account_deletion.h"
#include "services/account_operations.h"
#include "services/accounts.h"
#include "services/auth.h"
#include "services/key_rotation.h"
#include "services/migration.h"
#include "services/moderation.h"
#include "services/roles.h"
#include "services/tokens.h"
#include "store/accounts.h"
#include "store/admin_accounts.h"
#include "store/oauth.h"
#include "store/two_factor.h"
#include "store/user_emails.h"
#include "store/user_roles.h"

namespace agora::app {

namespace {

int create(const Args& args) {
  if (args.positional.size() != 2) throw UsageError("usage: agora accounts create USERNAME --email EMAIL");
  auto email = args.get("--email");
  if (!email) throw UsageError("accounts create needs --email EMAIL");
  std::string role_text = args.get("--role").value_or("user");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  // A built-in role (any case) or a custom role from user_roles.
  std::optional<std::string> stored_role;
  {
    auto conn = rt.db->acquire();
    stored_role = services::stored_role_name(*conn, role_text);
  }
  if (!stored_role) throw UsageError("--role must be owner, admin, moderator, user or a custom role's name");
  auto role = model::parse_role(*stored_role).value_or(model::Role::user);

  services::Context ctx{rt.config, *rt.db};
  auto password = args.get("--password");
  bool generated = !password;
  if (generated) password = crypto::random_token(16);

  services::CreateAccountRequest request{.username = args.positional[1],
                                         .email = *email,
                                         .password = *password,
                                         .role = role,
                                         .confirmed = args.flag("--confirmed"),
                                         .approved = true,
                                         .allow_reserved_username = true};
  try {
    auto created = services::create_local_account(ctx, request);
    if (!model::parse_role(*stored_role)) {
      auto conn = rt.db->acquire();
      store::user_roles::set_user_role(*conn, created.user_id, *stored_role, now_ms());
    }
  } catch (const Error& e) {
    std::fprintf(stderr, "Failure/Error: %s\n", e.message().c_str());
    return 1;
  }
  std::printf("OK\n");
  if (generated) std::printf("New password: %s\n", password->c_str());
  return 0;
}

// The user of a local account, or nullopt after saying so on stderr.
std::optional<model::User> find_local_user(store::Connection& c, const std::string& username) {
  auto account = store::accounts::find_local(c, username);
  auto user = account ? store::accounts::find_user_by_account(c, account->id) : std::nullopt;
  if (!user) std::fprintf(stderr, "Failure/Error: no local account %s\n", username.c_str());
  return user;
}

// agora accounts token USERNAME [--scopes "read write follow"]: an access
// token for scripts and bots, printed once.
int token(const Args& args) {
  if (args.positional.size() != 2) throw UsageError("usage: agora accounts token USERNAME [--scopes SCOPES]");
  std::string scopes = args.get("--scopes").value_or("read write follow push");
  for (const auto& s : store::oauth::split_scopes(scopes))
    if (!services::known_scope(s)) throw UsageError("unknown scope: " + s);
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  auto conn = rt.db->acquire();
  auto user = find_local_user(*conn, args.positional[1]);
  if (!user) return 1;
  auto issued = services::issue_token(*conn, std::nullopt, user->id, store::oauth::join_scopes(store::oauth::split_scopes(scopes)), false);
  std::printf("%s\n", issued.access_token.c_str());
  return 0;
}

// agora accounts modify USERNAME [--role NAME] [--email E] [--approve]
// [--confirm] [--disable | --enable] [--disable-2fa], as tootctl: give a role
// (owner, admin, moderator, user or a custom one), change the address, let a
// pending sign-up in, confirm an address by hand, refuse or allow sign-in, or
// turn off two-factor sign-in for a member who lost their device.
int modify(const Args& args) {
  constexpr const char* kModifyUsage =
      "usage: agora accounts modify USERNAME [--role NAME] [--email E] [--approve] [--confirm] [--disable | --enable]"
      " [--disable-2fa]";
  if (args.positional.size() != 2) throw UsageError(kModifyUsage);
  auto role_text = args.get("--role");
  auto email = args.get("--email");
  bool disable = args.flag("--disable"), enable = args.flag("--enable");
  if (disable && enable) throw UsageError("--disable and --enable cannot go together");
  if (!role_text && !email && !disable && !enable && !args.flag("--approve") && !args.flag("--confirm") &&
      !args.flag("--disable-2fa"))
    throw UsageError("accounts modify needs --role, --email, --approve, --confirm, --disable, --enable or --disable-2fa");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  auto conn = rt.db->acquire();
  auto user = find_local_user(*conn, args.positional[1]);
  if (!user) return 1;
  std::optional<std::string> role;
  if (role_text) {
    role = services::stored_role_name(*conn, *role_text);
    if (!role) {
      std::fprintf(stderr, "Failure/Error: no role %s\n", role_text->c_str());
      return 1;
    }
  }
  return report_failure([&] {
    // The address is checked (and changed) first: a refused one leaves everything as it was.
    if (email) services::account_operations::change_email(ctx, user->id, *email);
    store::in_transaction(*conn, [&] {
      int64_t now = now_ms();
      if (role) store::user_roles::set_user_role(*conn, user->id, *role, now);
      if (args.flag("--approve")) store::user_emails::approve(*conn, user->id, now);
      if (args.flag("--confirm")) store::user_emails::confirm(*conn, user->id, now);
      if (disable || enable) store::admin_accounts::set_disabled(*conn, user->id, disable, now);
      if (args.flag("--disable-2fa")) store::two_factor::disable(*conn, user->id, now);
    });
    std::printf("OK\n");
  });
}

// agora accounts reset-password USERNAME: a new password, printed once; the
// member is signed out everywhere (tootctl accounts modify --reset-password).
int reset_password(const Args& args) {
  if (args.positional.size() != 2) throw UsageError("usage: agora accounts reset-password USERNAME");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  std::optional<model::User> user;
  {
    auto conn = rt.db->acquire();
    user = find_local_user(*conn, args.positional[1]);
  }
  if (!user) return 1;
  std::string password = services::account_operations::reset_password(ctx, user->id);
  std::printf("OK\nNew password: %s\n", password.c_str());
  return 0;
}

// agora accounts delete USERNAME: the account and everything it owns, as the
// admin API's account deletion (tootctl accounts delete): Delete(actor) to
// every known inbox; the name stays taken, the member and its address go.
int destroy(const Args& args) {
  if (args.positional.size() != 2) throw UsageError("usage: agora accounts delete USERNAME");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  std::optional<model::Account> account;
  {
    auto conn = rt.db->acquire();
    if (find_local_user(*conn, args.positional[1])) account = store::accounts::find_local(*conn, args.positional[1]);
  }
  if (!account) return 1;
  return report_failure([&] {
    services::account_deletion::delete_account(ctx, *account, services::account_deletion::Member::remove);
    std::printf("Deleted %s\n", account->username.c_str());
  });
}

// agora accounts alias USERNAME HANDLE / move USERNAME HANDLE: account
// migration (Mastodon's Settings → Account → Moving). The new account adds
// the old one as an alias first; then the old one moves, taking its followers.
int migrate(const Args& args) {
  const auto& p = args.positional;
  if (p.size() != 3) throw UsageError("usage: agora accounts alias|move USERNAME HANDLE");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  std::optional<model::Account> account;
  {
    auto conn = rt.db->acquire();
    if (find_local_user(*conn, p[1])) account = store::accounts::find_local(*conn, p[1]);
  }
  if (!account) return 1;
  return report_failure([&] {
    if (p[0] == "alias") {
      services::add_alias(ctx, *account, p[2]);
    } else {
      auto target = services::move_account(ctx, *account, p[2]);
      std::printf("Moved to %s\n", target.acct().c_str());
    }
    std::printf("OK\n");
  });
}

// agora accounts rotate USERNAME | --all: new key pairs, announced to the
// followers' servers with Update(actor), as tootctl accounts rotate.
int rotate(const Args& args) {
  bool all = args.flag("--all");
  if (all ? args.positional.size() != 1 : args.positional.size() != 2)
    throw UsageError("usage: agora accounts rotate USERNAME | --all");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  if (all) {
    std::printf("Rotated keys of %lld accounts\n", static_cast<long long>(services::rotate_all_keys(ctx)));
    return 0;
  }
  std::optional<model::Account> account;
  {
    auto conn = rt.db->acquire();
    account = store::accounts::find_local(*conn, args.positional[1]);
  }
  if (!account) {
    std::fprintf(stderr, "Failure/Error: no local account %s\n", args.positional[1].c_str());
    return 1;
  }
  return report_failure([&] {
    services::rotate_keys(ctx, account->id);
    std::printf("OK\n");
  });
}

}  // namespace

int command_accounts(const Args& args) {
  if (args.positional.empty())
    throw UsageError("usage: agora accounts create|token|modify|reset-password|delete|alias|move|rotate USERNAME …");
  if (args.flag("--all") && args.positional[0] != "rotate") throw UsageError("--all goes with accounts rotate");
  if (args.positional[0] == "create") return create(args);
  if (args.positional[0] == "token") return token(args);
  if (args.positional[0] == "modify") return modify(args);
  if (args.positional[0] == "reset-password") return reset_password(args);
  if (args.positional[0] == "delete") return destroy(args);
  if (args.positional[0] == "rotate") return rotate(args);
  if (args.positional[0] == "alias" || args.positional[0] == "move") return migrate(args);
  throw UsageError("unknown accounts command: " + args.positional[0]);
}

}  // namespace agora::app
