// agora: a Mastodon-compatible federated social server.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/sanitizer_defaults.h"
#include "core/config.h"
#include "core/version.h"
#include "store/database.h"

namespace {

void print_help() {
  std::printf(
      "agora %s: a Mastodon-compatible federated social server\n\n"
      "Usage: agora [--config FILE] COMMAND [OPTIONS]\n\n"
      "Commands:\n"
      "  serve                          run the server\n"
      "  worker                         run job workers only (mail, deliveries, …)\n"
      "  settings list | get KEY | set KEY VALUE\n"
      "                                 instance settings: site_title, registrations_mode (open|approved|none), …\n"
      "  migrate                        apply pending database migrations\n"
      "  accounts create USERNAME --email EMAIL [--password P] [--role owner|admin|moderator|user] [--confirmed]\n"
      "                                 create a local account (prints a generated password)\n"
      "  accounts token USERNAME [--scopes \"read write follow push\"]\n"
      "                                 print a new access token for scripts and bots\n"
      "  accounts modify USERNAME [--role R] [--email E] [--approve] [--confirm] [--disable | --enable]\n"
      "                  [--disable-2fa]\n"
      "                                 change the role or address, let a pending sign-up in, confirm the\n"
      "                                 address, refuse or allow sign-in, turn off two-factor\n"
      "  accounts reset-password USERNAME\n"
      "                                 print a new password; signs the member out everywhere\n"
      "  accounts delete USERNAME       delete a local account and everything it owns\n"
      "  accounts alias USERNAME HANDLE   let the account at HANDLE move here\n"
      "  accounts move USERNAME HANDLE    move to the account at HANDLE (it must alias this one)\n"
      "  accounts rotate USERNAME | --all\n"
      "                                 new signing keys, sent to the followers' servers (Update of the actor)\n"
      "  rules add TEXT [--hint H] | list | remove ID\n"
      "                                 the instance's rules\n"
      "  emoji add SHORTCODE FILE [--category C] | list | remove SHORTCODE\n"
      "                                 custom emoji (PNG, GIF or WebP, up to 256 KB)\n"
      "  emoji import ARCHIVE.tar.gz [--prefix P] [--suffix S] [--overwrite] [--category C] [--unlisted]\n"
      "                                 custom emoji from a tar.gz of SHORTCODE.png / .gif images\n"
      "  announcements add TEXT [--starts-at ISO] [--ends-at ISO] [--all-day] | list | remove ID\n"
      "                                 announcements shown to every member\n"
      "  doctor                         warn about unsafe settings (exit status 1 if any)\n"
      "  media remove [--days N] [--prune-profiles | --remove-headers] | usage\n"
      "                                 the cache of remote media (default: older than 7 days)\n"
      "  media refresh [--account USER@DOMAIN] [--domain D] [--days N]\n"
      "                                 download again remote attachments, avatars and headers without a local copy\n"
      "  cache clear                    remove every local copy of remote files (media refresh fetches them again)\n"
      "  domains purge DOMAIN…          remove every account, status, media file and follow of remote domains\n"
      "  search reindex                 rebuild the full-text index of statuses\n"
      "  maintenance fix-counters       recompute follower, status, reply, boost and favourite counts\n"
      "  backup create --to DIR|s3://BUCKET/PREFIX [--keep N] | verify BACKUP | restore BACKUP [--data-dir DIR] [--force]\n"
      "                                 consistent backups while the server runs (see docs/backups.md)\n\n"
      "Options:\n"
      "  --config FILE                  read KEY=value settings from FILE (the environment wins)\n"
      "  --help, --version\n\n"
      "Settings (environment variables):\n",
      agora::kAgoraVersion);
  for (const auto& s : agora::known_settings()) std::printf("  %-36s %s\n", s.name, s.help);
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  using namespace agora::app;
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      print_help();
      return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version" || args[0] == "-v") {
      std::printf("agora %s\n", agora::kAgoraVersion);
      return 0;
    }
    // "--config FILE" may come before the command.
    std::vector<std::string> rest = args;
    std::vector<std::string> global;
    if (rest[0] == "--config" || rest[0].rfind("--config=", 0) == 0) {
      size_t n = rest[0] == "--config" ? 2 : 1;
      if (rest.size() < n + 1) throw UsageError("missing command after --config");
      global.assign(rest.begin(), rest.begin() + n);
      rest.erase(rest.begin(), rest.begin() + n);
    }
    std::string command = rest[0];
    std::vector<std::string> sub(rest.begin() + 1, rest.end());
    sub.insert(sub.end(), global.begin(), global.end());
    if (command == "serve") return command_serve(parse_args(sub, {"--config"}, {}));
    if (command == "settings") return command_settings(parse_args(sub, {"--config"}, {}));
    if (command == "worker") return command_worker(parse_args(sub, {"--config"}, {}));
    if (command == "migrate") return command_migrate(parse_args(sub, {"--config"}, {}));
    if (command == "accounts")
      return command_accounts(parse_args(sub, {"--config", "--email", "--password", "--role", "--scopes"},
                                         {"--confirmed", "--approve", "--confirm", "--disable-2fa", "--disable",
                                          "--enable", "--all"}));
    if (command == "domains") return command_domains(parse_args(sub, {"--config"}, {}));
    if (command == "maintenance") return command_maintenance(parse_args(sub, {"--config"}, {}));
    if (command == "search") return command_search(parse_args(sub, {"--config"}, {}));
    if (command == "rules") return command_rules(parse_args(sub, {"--config", "--hint"}, {}));
    if (command == "emoji")
      return command_emoji(
          parse_args(sub, {"--config", "--category", "--prefix", "--suffix"}, {"--overwrite", "--unlisted"}));
    if (command == "media")
      return command_media(
          parse_args(sub, {"--config", "--days", "--account", "--domain"}, {"--prune-profiles", "--remove-headers"}));
    if (command == "cache") return command_cache(parse_args(sub, {"--config"}, {}));
    if (command == "backup")
      return command_backup(parse_args(sub, {"--config", "--to", "--keep", "--data-dir"}, {"--force"}));
    if (command == "announcements")
      return command_announcements(parse_args(sub, {"--config", "--starts-at", "--ends-at"}, {"--all-day"}));
    if (command == "doctor") return command_doctor(parse_args(sub, {"--config"}, {}));
    throw UsageError("unknown command: " + command);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "agora: %s\nRun 'agora --help' for usage.\n", e.what());
    return 2;
  } catch (const agora::ConfigError& e) {
    std::fprintf(stderr, "agora: configuration error: %s\n", e.what());
    return 1;
  } catch (const agora::store::DatabaseError& e) {
    std::fprintf(stderr, "agora: database error: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "agora: %s\n", e.what());
    return 1;
  }
}
