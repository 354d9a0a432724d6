#include "app/doctor.h"

#include <sys/stat.h>

namespace agora::app {

namespace {

bool loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0 ||
         host.rfind("localhost:", 0) == 0 || host.ends_with(".localhost");
}

// The host of "scheme://user:pass@host:port/path" (or of "host:port").
std::string host_of(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?", start);
  std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (auto at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
  if (authority.starts_with("[")) return authority.substr(0, authority.find(']') + 1);
  return authority.substr(0, authority.find(':'));
}

bool others_may_read(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}

bool has_password(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return false;
  size_t at = url.find('@', start);
  size_t colon = url.find(':', start + 3);
  return at != std::string::npos && colon != std::string::npos && colon < at;
}

}  // namespace

std::vector<Finding> examine(const Config& c, const std::optional<std::filesystem::path>& config_file) {
  std::vector<Finding> out;
  auto warn = [&out](std::string setting, std::string advice) { out.push_back({std::move(setting), std::move(advice)}); };

  if (c.env != Environment::production)
    warn("AGORA_ENV", std::string("agora runs in the ") + environment_name(c.env) +
                          " environment, which serves plain http on loopback domains; use production on a public server");
  if (!loopback_host(c.listen_host))
    warn("AGORA_LISTEN", "agora listens on " + c.listen_host +
                             " and speaks plain HTTP; listen on 127.0.0.1 behind nginx with TLS");
  if (c.log_level == log::Level::debug)
    warn("AGORA_LOG_LEVEL", "debug logging writes more about members' activity than an operator needs; use info");
  if (!c.rate_limits) warn("AGORA_RATE_LIMITS", "rate limits are off, so sign-in and sign-up can be flooded; turn them on");
  if (std::filesystem::exists(c.data_dir) && others_may_read(c.data_dir))
    warn("AGORA_DATA_DIR", c.data_dir.string() + " (database, keys, members' files) is open to other users; chmod 700 it");
  if (config_file && others_may_read(*config_file))
    warn("--config", config_file->string() + " may hold passwords and keys and is open to other users; chmod 600 it");
  if (!c.smtp.server.empty() && c.smtp.tls == "none" && !loopback_host(c.smtp.server))
    warn("AGORA_SMTP_TLS", "mail and the SMTP password travel unencrypted to " + c.smtp.server +
                               "; use starttls or tls");
  if (!c.uses_sqlite() && !loopback_host(host_of(c.database_url)) && c.database_url.find("sslmode=require") == std::string::npos &&
      c.database_url.find("sslmode=verify") == std::string::npos)
    warn("AGORA_DATABASE_URL", "the connection to PostgreSQL on " + host_of(c.database_url) +
                                   " is not required to be encrypted; add sslmode=verify-full (or require)");
  if (c.redis_url && !loopback_host(host_of(*c.redis_url)) && !c.redis_url->starts_with("rediss://"))
    warn("AGORA_REDIS_URL", "Redis on " + host_of(*c.redis_url) + " is reached unencrypted" +
                                (has_password(*c.redis_url) ? ", password included" : " and without a password") +
                                "; keep it on a private network or use rediss://");
  if (c.s3.enabled() && c.s3.endpoint.starts_with("http://") && !loopback_host(host_of(c.s3.endpoint)))
    warn("AGORA_S3_ENDPOINT", "object storage is reached over plain http; use https");
  return out;
}

}  // namespace agora::app
