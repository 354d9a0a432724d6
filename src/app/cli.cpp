#include "app/cli.h"

#include <algorithm>
#include <filesystem>

#include <sys/stat.h>

#include "core/log.h"
#include "events/bus.h"
#include "events/redis_bus.h"
#include "store/migrations.h"

namespace agora::app {

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Args parse_args(const std::vector<std::string>& argv, const std::vector<std::string>& value_options,
                const std::vector<std::string>& flag_options) {
  auto contains = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  Args out;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      out.positional.push_back(a);
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (contains(value_options, name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) throw UsageError(name + " needs a value");
        value = argv[++i];
      }
      out.options[name] = value;
    } else if (contains(flag_options, name) && !inline_value) {
      out.options[name] = "";
    } else {
      throw UsageError("unknown option " + name);
    }
  }
  return out;
}

int64_t id_argument(const std::string& text) {
  int64_t id = 0;
  if (text.empty() || text.size() > 19) throw UsageError("not an id: " + text);
  for (char c : text) {
    if (c < '0' || c > '9') throw UsageError("not an id: " + text);
    id = id * 10 + (c - '0');
  }
  if (id <= 0) throw UsageError("not an id: " + text);
  return id;
}

// The data directory holds the database, keys and members' files: agora's user alone may read it, and
// everything agora creates inside is private too (umask), whatever the operator's shell umask is.
static void make_private_directory(const std::string& dir) {
  ::umask(077);
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
}

Runtime start_runtime(const std::optional<std::string>& config_file, RuntimeFor purpose) {
  Runtime rt;
  std::optional<std::filesystem::path> file;
  if (config_file) file = *config_file;
  rt.config = load_config(gather_settings(file));
  log::set_level(rt.config.log_level);
  make_private_directory(rt.config.data_dir);
  // A connection for each thread that may hold one at a time: handlers, job workers, the streaming hub's
  // dispatch thread and the workers' lease keeper (commands: the calling thread, a drain's keeper, workers).
  size_t workers = static_cast<size_t>(std::max(rt.config.worker_threads, 0));
  size_t connections = purpose == RuntimeFor::server
                           ? static_cast<size_t>(rt.config.handler_threads) + workers + 2
                           : std::max<size_t>(workers, 1) + 2;
  rt.db = store::Database::open(rt.config.database_url, connections);
  auto conn = rt.db->acquire();
  for (const auto& version : store::migrate(*conn)) log::info("applied migration {}", version);
  // Streaming events cross processes (worker, other servers, CLI) through Redis.
  if (rt.config.redis_url) events::install(events::make_redis_bus(*rt.config.redis_url));
  return rt;
}

}  // namespace agora::app
