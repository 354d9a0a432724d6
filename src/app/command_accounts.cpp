// agora accounts create USERNAME --email E [--password P] [--role R] [--confirmed]
// Prints "OK" and, when it made the password, "New password: …" as tootctl does.
#include <cstdio>

#include "app/cli.h"
#include "core/crypto.h"
#include "core/errors.h"
#include "services/accounts.h"

namespace agora::app {

namespace {

int create(const Args& args) {
  if (args.positional.size() != 2) throw UsageError("usage: agora accounts create USERNAME --email EMAIL");
  auto email = args.get("--email");
  if (!email) throw UsageError("accounts create needs --email EMAIL");
  std::string role_text = args.get("--role").value_or("user");
  for (char& ch : role_text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto role = model::parse_role(role_text);
  if (!role) throw UsageError("--role must be one of owner, admin, moderator, user");

  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  auto password = args.get("--password");
  bool generated = !password;
  if (generated) password = crypto::random_token(16);

  services::CreateAccountRequest request{.username = args.positional[1],
                                         .email = *email,
                                         .password = *password,
                                         .role = *role,
                                         .confirmed = args.flag("--confirmed"),
                                         .approved = true,
                                         .allow_reserved_username = true};
  try {
    services::create_local_account(ctx, request);
  } catch (const Error& e) {
    std::fprintf(stderr, "Failure/Error: %s\n", e.message().c_str());
    return 1;
  }
  std::printf("OK\n");
  if (generated) std::printf("New password: %s\n", password->c_str());
  return 0;
}

}  // namespace

int command_accounts(const Args& args) {
  if (args.positional.empty()) throw UsageError("usage: agora accounts create USERNAME --email EMAIL");
  if (args.positional[0] == "create") return create(args);
  throw UsageError("unknown accounts command: " + args.positional[0]);
}

}  // namespace agora::app
