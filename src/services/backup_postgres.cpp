#include "services/backup_postgres.h"

#include <map>
#include <vector>

#include "media/subprocess.h"
#include "services/backup_manifest.h"
#include "store/snapshots.h"

namespace agora::services::backup {

namespace {

// The last lines of a tool's complaints, enough to say what went wrong.
std::string tail(const std::string& err) {
  std::string text = err.size() > 2000 ? err.substr(err.size() - 2000) : err;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

void run(const std::string& tool, const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
         std::chrono::seconds timeout) {
  media::ProcessResult r = media::run_process(argv, timeout, 64 * 1024, env);
  if (r.timed_out) throw BackupError(tool + " did not finish within " + std::to_string(timeout.count()) + " s");
  if (r.exit_code == -1 && !r.err.empty() && r.err.starts_with("cannot start"))
    throw BackupError(r.err + " (is the PostgreSQL client installed?)");
  if (r.exit_code != 0) throw BackupError(tool + " failed: " + tail(r.err));
}

}  // namespace

void dump_postgres(const std::string& url, const std::filesystem::path& file, std::chrono::seconds timeout) {
  auto env = store::snapshots::postgres_environment(url);
  run("pg_dump", {"pg_dump", "--format=custom", "--no-password", "--file=" + file.string()}, env, timeout);
}

void restore_postgres(const std::string& url, const std::filesystem::path& file, bool clean,
                      std::chrono::seconds timeout) {
  auto env = store::snapshots::postgres_environment(url);
  // pg_restore needs a database name to restore into rather than print SQL; libpq's default is the user's name.
  std::string database = env.contains("PGDATABASE") ? env["PGDATABASE"] : env.contains("PGUSER") ? env["PGUSER"] : "";
  if (database.empty()) throw BackupError("the PostgreSQL URL names no database to restore into");
  std::vector<std::string> argv = {"pg_restore", "--no-password", "--no-owner", "--no-privileges",
                                   "--single-transaction", "--exit-on-error", "--dbname=" + database};
  if (clean) {
    argv.push_back("--clean");
    argv.push_back("--if-exists");
  }
  argv.push_back(file.string());
  run("pg_restore", argv, env, timeout);
}

}  // namespace agora::services::backup
