// Command-line plumbing shared by the subcommands: argument parsing and the
// runtime every command starts from (configuration, database, migrations).
#pragma once
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/errors.h"
#include "store/database.h"

namespace agora::app {

// Wrong usage: printed with a hint, exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Positional arguments and --options of one subcommand.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--email" -> value; flags map to ""
  std::optional<std::string> get(const std::string& name) const;
  bool flag(const std::string& name) const { return options.contains(name); }
};

// Parses argv; `value_options` take a value, `flag_options` do not; anything
// else starting with "--" is a UsageError.
Args parse_args(const std::vector<std::string>& argv, const std::vector<std::string>& value_options,
                const std::vector<std::string>& flag_options);

struct Runtime {
  Config config;
  std::unique_ptr<store::Database> db;
};
// Who the runtime is for: the server pools a connection per handler thread.
enum class RuntimeFor { server, command };
// Loads the configuration (env over --config file), opens the database and
// applies pending migrations.
Runtime start_runtime(const std::optional<std::string>& config_file, RuntimeFor purpose);

// Runs `work`; a refusal (agora::Error) is printed as tootctl prints
// failures and gives exit status 1.
template <class F>
int report_failure(F&& work) {
  try {
    work();
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "Failure/Error: %s\n", e.message().c_str());
    return 1;
  }
}
// A positional id argument; UsageError when it is not a positive number.
int64_t id_argument(const std::string& text);

int command_serve(const Args& args);
int command_migrate(const Args& args);
int command_accounts(const Args& args);
int command_worker(const Args& args);
int command_settings(const Args& args);
int command_rules(const Args& args);
int command_emoji(const Args& args);
int command_announcements(const Args& args);
int command_doctor(const Args& args);
int command_media(const Args& args);
int command_cache(const Args& args);
int command_backup(const Args& args);
int command_domains(const Args& args);
int command_maintenance(const Args& args);
int command_search(const Args& args);

}  // namespace agora::app
