#include "core/config.h"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <functional>
#include <thread>

#include "core/backup_storage.h"

extern char** environ;

namespace agora {

namespace {

using Apply = std::function<void(Config&, const std::string&)>;

struct Setting {
  SettingInfo info;
  Apply apply;
};

int parse_int(const std::string& v, int lo, int hi) {
  int out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || out < lo || out > hi)
    throw std::invalid_argument(fmt::format("expected a whole number from {} to {}", lo, hi));
  return out;
}

bool parse_bool(const std::string& v) {
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  throw std::invalid_argument("expected true or false");
}

// host[:port] with a DNS-style host name or IPv4 address, lower case.
void validate_domain(const std::string& d) {
  auto colon = d.rfind(':');
  std::string host = colon == std::string::npos ? d : d.substr(0, colon);
  if (colon != std::string::npos) parse_int(d.substr(colon + 1), 1, 65535);
  bool ok = !host.empty() && host.size() <= 253 && host.front() != '.' && host.front() != '-' &&
            host.back() != '.' &&
            std::all_of(host.begin(), host.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            });
  if (!ok) throw std::invalid_argument("expected a lower-case host name with an optional :port, e.g. social.example.org");
}

void apply_listen(Config& c, const std::string& v) {
  auto colon = v.rfind(':');
  if (colon == std::string::npos || colon == 0) throw std::invalid_argument("expected host:port, e.g. 127.0.0.1:3000");
  std::string host = v.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  c.listen_host = host;
  c.listen_port = static_cast<uint16_t>(parse_int(v.substr(colon + 1), 0, 65535));
}

void apply_database_url(Config& c, const std::string& v) {
  bool sqlite = v.rfind("sqlite:", 0) == 0 && v.size() > 7;
  bool postgres = v.rfind("postgres://", 0) == 0 || v.rfind("postgresql://", 0) == 0;
  if (!sqlite && !postgres) throw std::invalid_argument("expected sqlite:PATH or postgres://user@host/database");
  c.database_url = v;
}

void apply_redis_url(Config& c, const std::string& v) {
  if (v.rfind("redis://", 0) != 0 && v.rfind("unix://", 0) != 0)
    throw std::invalid_argument("expected redis://host:port[/db] or unix://PATH");
  c.redis_url = v;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// "a.test=127.0.0.1:4001,b.test=[::1]:4002"
void apply_connect_to(Config& c, const std::string& v) {
  c.test_connect_to.clear();
  size_t pos = 0;
  while (pos <= v.size()) {
    size_t comma = v.find(',', pos);
    std::string entry = trim(v.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
    pos = comma == std::string::npos ? v.size() + 1 : comma + 1;
    if (entry.empty()) continue;
    auto eq = entry.find('=');
    auto colon = entry.rfind(':');
    if (eq == std::string::npos || eq == 0 || colon == std::string::npos || colon < eq)
      throw std::invalid_argument("expected domain=address:port, e.g. a.test=127.0.0.1:4001");
    ConnectTo to;
    to.domain = entry.substr(0, eq);
    validate_domain(to.domain);
    to.address = entry.substr(eq + 1, colon - eq - 1);
    if (to.address.size() > 2 && to.address.front() == '[' && to.address.back() == ']')
      to.address = to.address.substr(1, to.address.size() - 2);
    unsigned char buffer[16];
    if (inet_pton(AF_INET, to.address.c_str(), buffer) != 1 && inet_pton(AF_INET6, to.address.c_str(), buffer) != 1)
      throw std::invalid_argument(fmt::format("{} is not a numeric IP address", to.address));
    to.port = static_cast<uint16_t>(parse_int(entry.substr(colon + 1), 1, 65535));
    c.test_connect_to.push_back(std::move(to));
  }
}

// "http(s)://host[:port]" with nothing after it (a trailing '/' is dropped).
std::string parse_endpoint(std::string v) {
  if (!v.empty() && v.back() == '/') v.pop_back();
  auto scheme_end = v.find("://");
  std::string scheme = scheme_end == std::string::npos ? "" : v.substr(0, scheme_end);
  std::string authority = scheme_end == std::string::npos ? "" : v.substr(scheme_end + 3);
  bool ok = (scheme == "http" || scheme == "https") && !authority.empty() &&
            authority.find_first_of("/?#@ \t\"'<>\\") == std::string::npos;
  if (!ok) throw std::invalid_argument("expected http(s)://host[:port], e.g. https://s3.eu-central-1.amazonaws.com");
  return v;
}

void validate_bucket(const std::string& v) {
  bool ok = v.size() >= 3 && v.size() <= 63 && v.front() != '.' && v.front() != '-' && v.back() != '.' &&
            v.back() != '-' && std::all_of(v.begin(), v.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            });
  if (!ok) throw std::invalid_argument("expected an S3 bucket name: 3 to 63 lower-case letters, digits, '.' and '-'");
}

// A host with an optional path ("files.example.org", "cdn.example.org/media")
// or a whole http(s) URL; no trailing '/'.
void apply_alias_host(Config& c, std::string v) {
  while (!v.empty() && v.back() == '/') v.pop_back();
  std::string_view rest = v;
  for (std::string_view scheme : {"https://", "http://"})
    if (rest.starts_with(scheme)) rest.remove_prefix(scheme.size());
  bool ok = !rest.empty() && rest.front() != '/' && rest.find("//") == std::string_view::npos &&
            std::all_of(rest.begin(), rest.end(), [](char ch) {
              return std::isalnum(static_cast<unsigned char>(ch)) || std::string_view(".-_~:/%").find(ch) != std::string_view::npos;
            });
  if (!ok) throw std::invalid_argument("expected a host with an optional path (files.example.org) or an http(s) URL");
  c.s3.alias_host = v;
}

void apply_permission(Config& c, const std::string& v) {
  static const std::vector<std::string> acls = {"private", "public-read", "public-read-write", "authenticated-read",
                                                "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control"};
  if (!v.empty() && std::find(acls.begin(), acls.end(), v) == acls.end())
    throw std::invalid_argument("expected a canned ACL such as public-read or private, or nothing to send none");
  c.s3.permission = v;
}

// Settings of a bucket connection, shared by the media storage (AGORA_S3_*) and backups (AGORA_BACKUP_S3_*).
void set_endpoint(ObjectStorageSettings& s, const std::string& v) { s.endpoint = parse_endpoint(v); }
void set_region(ObjectStorageSettings& s, const std::string& v) {
  bool ok = !v.empty() && v.size() <= 64 && std::all_of(v.begin(), v.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
  });
  if (!ok) throw std::invalid_argument("expected a region name such as eu-central-1");
  s.region = v;
}
void set_access_key_id(ObjectStorageSettings& s, const std::string& v) { s.access_key_id = v; }
void set_secret_access_key(ObjectStorageSettings& s, const std::string& v) { s.secret_access_key = v; }
void set_path_style(ObjectStorageSettings& s, const std::string& v) { s.path_style = parse_bool(v); }

struct BucketSetting {
  SettingInfo info;
  void (*apply)(ObjectStorageSettings&, const std::string&);
};

// The bucket that `backup create --to s3://…` writes to: each unset one is the media storage's.
const std::vector<BucketSetting>& backup_bucket_settings() {
  static const std::vector<BucketSetting> all = {
      {{"AGORA_BACKUP_S3_ENDPOINT", "S3 endpoint for backups in S3 (default: AGORA_S3_ENDPOINT)", false}, set_endpoint},
      {{"AGORA_BACKUP_S3_REGION", "S3 region for backups in S3 (default: AGORA_S3_REGION)", false}, set_region},
      {{"AGORA_BACKUP_S3_ACCESS_KEY_ID", "S3 access key id for backups in S3 (default: AGORA_S3_ACCESS_KEY_ID)", false},
       set_access_key_id},
      {{"AGORA_BACKUP_S3_SECRET_ACCESS_KEY", "S3 secret access key for backups in S3 (default: AGORA_S3_SECRET_ACCESS_KEY)",
        false, true},
       set_secret_access_key},
      {{"AGORA_BACKUP_S3_PATH_STYLE", "path-style URLs for backups in S3 (default: AGORA_S3_PATH_STYLE)", false},
       set_path_style},
  };
  return all;
}

// Settings that only make sense together.
void check_object_storage(const Config& c, const std::map<std::string, std::string>& variables) {
  if (!c.s3.enabled()) {
    for (const auto& [key, value] : variables)
      if (key.rfind("AGORA_S3_", 0) == 0 && key != "AGORA_S3_BUCKET" && !value.empty())
        throw ConfigError(fmt::format("{} needs AGORA_S3_BUCKET (object storage is off without a bucket)", key));
    return;
  }
  if (c.s3.access_key_id.empty()) throw ConfigError("AGORA_S3_ACCESS_KEY_ID is required with AGORA_S3_BUCKET");
  if (c.s3.secret_access_key.empty()) throw ConfigError("AGORA_S3_SECRET_ACCESS_KEY is required with AGORA_S3_BUCKET");
}

// Backup bucket settings are checked when loaded and read again by backup_bucket_storage(): they sit after the
// media storage's in the table (and in agora --help).
std::vector<Setting> with_backup_bucket_settings(std::vector<Setting> table) {
  auto after = std::find_if(table.begin(), table.end(),
                            [](const Setting& s) { return std::string_view(s.info.name) == "AGORA_S3_PERMISSION"; });
  std::vector<Setting> added;
  for (const auto& b : backup_bucket_settings())
    added.push_back({b.info, [apply = b.apply](Config&, const std::string& v) {
                       ObjectStorageSettings checked;
                       if (!v.empty()) apply(checked, v);  // empty: the media storage's
                     }});
  table.insert(after == table.end() ? table.end() : after + 1, added.begin(), added.end());
  return table;
}

const std::vector<Setting>& settings() {
  static const std::vector<Setting> all = with_backup_bucket_settings({
      {{"AGORA_ENV", "production (default), development or test", false},
       [](Config& c, const std::string& v) {
         if (v == "production") c.env = Environment::production;
         else if (v == "development") c.env = Environment::development;
         else if (v == "test") c.env = Environment::test;
         else throw std::invalid_argument("expected production, development or test");
       }},
      {{"AGORA_DOMAIN", "the instance's domain, in every URL and handle (required in production)", false},
       [](Config& c, const std::string& v) {
         validate_domain(v);
         c.domain = v;
       }},
      {{"AGORA_LISTEN", "address to listen on, host:port (default 127.0.0.1:3000)", false}, apply_listen},
      {{"AGORA_DATA_DIR", "directory for the SQLite database, media and keys (default ./data)", false},
       [](Config& c, const std::string& v) {
         if (v.empty()) throw std::invalid_argument("must not be empty");
         c.data_dir = v;
       }},
      {{"AGORA_DATABASE_URL", "sqlite:PATH (default sqlite:DATA_DIR/agora.sqlite3) or postgres://…", false},
       apply_database_url},
      {{"AGORA_REDIS_URL", "redis://host:port, needed when several processes share the database", false},
       apply_redis_url},
      {{"AGORA_IO_THREADS", "threads reading and writing sockets (default 1)", false},
       [](Config& c, const std::string& v) { c.io_threads = parse_int(v, 1, 64); }},
      {{"AGORA_HANDLER_THREADS", "threads running request handlers (default: number of cores; twice that with PostgreSQL)", false},
       [](Config& c, const std::string& v) { c.handler_threads = parse_int(v, 1, 256); }},
      {{"AGORA_LOG_LEVEL", "debug, info (default), warn or error", false},
       [](Config& c, const std::string& v) { c.log_level = log::parse_level(v); }},
      {{"AGORA_RATE_LIMITS", "true (default) or false: Mastodon's request throttles", false},
       [](Config& c, const std::string& v) { c.rate_limits = parse_bool(v); }},
      {{"AGORA_TRUSTED_PROXY_IPS", "comma-separated proxy addresses (beside loopback) whose X-Forwarded-For is believed", false},
       [](Config& c, const std::string& v) {
         c.trusted_proxies.clear();
         size_t pos = 0;
         while (pos <= v.size()) {
           size_t comma = v.find(',', pos);
           std::string ip = trim(v.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
           if (!ip.empty()) c.trusted_proxies.push_back(ip);
           pos = comma == std::string::npos ? v.size() + 1 : comma + 1;
         }
       }},
      {{"AGORA_WORKER_THREADS", "job worker threads inside agora serve (default 2; 0: use agora worker)", false},
       [](Config& c, const std::string& v) { c.worker_threads = parse_int(v, 0, 64); }},
      {{"AGORA_AUTHORIZED_FETCH", "true or false (default): ActivityPub documents only for signed requests (Mastodon's secure mode)", false},
       [](Config& c, const std::string& v) { c.authorized_fetch = parse_bool(v); }},
      {{"AGORA_SMTP_SERVER", "SMTP server for mail (unset: mail is logged, not sent)", false},
       [](Config& c, const std::string& v) { c.smtp.server = v; }},
      {{"AGORA_SMTP_PORT", "SMTP port (default 587)", false},
       [](Config& c, const std::string& v) { c.smtp.port = static_cast<uint16_t>(parse_int(v, 1, 65535)); }},
      {{"AGORA_SMTP_LOGIN", "SMTP user name", false}, [](Config& c, const std::string& v) { c.smtp.login = v; }},
      {{"AGORA_SMTP_PASSWORD", "SMTP password", false, true},
       [](Config& c, const std::string& v) { c.smtp.password = v; }},
      {{"AGORA_SMTP_FROM_ADDRESS", "sender address (default notifications@DOMAIN)", false},
       [](Config& c, const std::string& v) {
         if (v.find('@') == std::string::npos || v.find_first_of("\r\n") != std::string::npos)
           throw std::invalid_argument("expected an e-mail address");
         c.smtp.from_address = v;
       }},
      {{"AGORA_SMTP_TLS", "none, starttls (default) or tls", false},
       [](Config& c, const std::string& v) {
         if (v != "none" && v != "starttls" && v != "tls") throw std::invalid_argument("expected none, starttls or tls");
         c.smtp.tls = v;
       }},
      {{"AGORA_S3_BUCKET", "store files in this S3 bucket (unset or empty: files stay under DATA_DIR/system)", false},
       [](Config& c, const std::string& v) {
         if (!v.empty()) validate_bucket(v);
         c.s3.bucket = v;
       }},
      {{"AGORA_S3_ENDPOINT", "S3 endpoint, http(s)://host[:port] (default https://s3.REGION.amazonaws.com)", false},
       [](Config& c, const std::string& v) { set_endpoint(c.s3, v); }},
      {{"AGORA_S3_REGION", "S3 region (default us-east-1)", false},
       [](Config& c, const std::string& v) { set_region(c.s3, v); }},
      {{"AGORA_S3_ACCESS_KEY_ID", "S3 access key id", false},
       [](Config& c, const std::string& v) { set_access_key_id(c.s3, v); }},
      {{"AGORA_S3_SECRET_ACCESS_KEY", "S3 secret access key", false, true},
       [](Config& c, const std::string& v) { set_secret_access_key(c.s3, v); }},
      {{"AGORA_S3_PATH_STYLE", "true: ENDPOINT/BUCKET/KEY URLs instead of BUCKET.ENDPOINT/KEY (default false; always for IP endpoints)", false},
       [](Config& c, const std::string& v) { set_path_style(c.s3, v); }},
      {{"AGORA_S3_ALIAS_HOST", "public host (or URL) that serves the bucket's files, e.g. a CDN (default: the bucket's URL)", false},
       apply_alias_host},
      {{"AGORA_S3_PERMISSION", "canned ACL sent with each upload (default public-read; empty: none)", false},
       apply_permission},
      {{"AGORA_TEST_HTTP", "test only: own URLs and outgoing federation use http://, loopback may be fetched", true},
       [](Config& c, const std::string& v) { c.test_http = parse_bool(v); }},
      {{"AGORA_TEST_CONNECT_TO", "test only: domain=address:port,… to connect to instead of resolving", true},
       apply_connect_to},
      {{"AGORA_TEST_CA_FILE", "test only: PEM file of the certificate authorities trusted for outgoing HTTPS", true},
       [](Config& c, const std::string& v) {
         if (!std::filesystem::is_regular_file(v)) throw std::invalid_argument("not a readable file");
         c.test_ca_file = v;
       }},
  });
  return all;
}

}  // namespace

const std::vector<SettingInfo>& known_settings() {
  static const std::vector<SettingInfo> infos = [] {
    std::vector<SettingInfo> out;
    for (const auto& s : settings()) out.push_back(s.info);
    return out;
  }();
  return infos;
}

const char* environment_name(Environment env) {
  switch (env) {
    case Environment::production: return "production";
    case Environment::development: return "development";
    case Environment::test: return "test";
  }
  return "?";
}

bool is_loopback_host(std::string_view host) {
  auto colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(']') == std::string_view::npos) host = host.substr(0, colon);
  return host == "localhost" || host.ends_with(".localhost") || host.rfind("127.", 0) == 0 ||
         host == "[::1]" || host.rfind("[::1]", 0) == 0;
}

std::string Config::scheme() const {
  return test_http || (env != Environment::production && is_loopback_host(domain)) ? "http" : "https";
}

ObjectStorageSettings backup_bucket_storage(const Config& config, const std::map<std::string, std::string>& variables) {
  ObjectStorageSettings s = config.s3;
  s.bucket.clear();
  s.alias_host.clear();
  s.permission.clear();  // backups are private objects
  for (const auto& b : backup_bucket_settings()) {
    auto it = variables.find(b.info.name);
    if (it == variables.end() || it->second.empty()) continue;
    try {
      b.apply(s, it->second);
    } catch (const std::exception& e) {
      throw ConfigError(fmt::format("{}: {}", b.info.name, e.what()));
    }
  }
  return s;
}

Config load_config(const std::map<std::string, std::string>& variables) {
  Config config;
  config.handler_threads = std::max(2u, std::thread::hardware_concurrency());
  // AGORA_ENV first: other settings may depend on it.
  const auto& all = settings();
  auto apply = [&](const Setting& s, const std::string& value) {
    try {
      s.apply(config, value);
    } catch (const std::exception& e) {
      if (s.info.secret) throw ConfigError(fmt::format("{}: {}", s.info.name, e.what()));
      throw ConfigError(fmt::format("{}={}: {}", s.info.name, value, e.what()));
    }
  };
  if (auto it = variables.find("AGORA_ENV"); it != variables.end()) apply(all.front(), it->second);
  for (const auto& [key, value] : variables) {
    if (key.rfind("AGORA_", 0) != 0 || key == "AGORA_ENV") continue;
    auto s = std::find_if(all.begin(), all.end(), [&](const Setting& s) { return key == s.info.name; });
    if (s == all.end()) throw ConfigError(fmt::format("unknown setting {} (see agora --help)", key));
    if (s->info.test_only && config.env != Environment::test)
      throw ConfigError(fmt::format("{} is only allowed with AGORA_ENV=test", key));
    apply(*s, value);
  }
  if (config.domain.empty()) {
    if (config.env == Environment::production)
      throw ConfigError("AGORA_DOMAIN is required in production (e.g. AGORA_DOMAIN=social.example.org)");
    config.domain = fmt::format("localhost:{}", config.listen_port);
  }
  if (config.smtp.from_address.empty())
    config.smtp.from_address = "notifications@" + config.domain.substr(0, config.domain.rfind(':') == std::string::npos ? std::string::npos : config.domain.rfind(':'));
  check_object_storage(config, variables);
  if (config.database_url.empty()) config.database_url = "sqlite:" + (config.data_dir / "agora.sqlite3").string();
  // A handler waiting on PostgreSQL's round trips leaves its core idle: two per
  // core keep the cores busy (the S1-S3 benchmarks peak there; more only adds
  // switching). SQLite runs in the handler's own thread, one per core.
  if (!variables.contains("AGORA_HANDLER_THREADS") && !config.uses_sqlite())
    config.handler_threads = std::max(4u, 2 * std::thread::hardware_concurrency());
  return config;
}

std::map<std::string, std::string> read_config_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError(fmt::format("cannot read config file {}", path.string()));
  std::map<std::string, std::string> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.rfind("export ", 0) == 0) t = trim(t.substr(7));
    auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0)
      throw ConfigError(fmt::format("{}:{}: expected KEY=value", path.string(), number));
    std::string key = trim(t.substr(0, eq));
    std::string value = trim(t.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    out[key] = value;
  }
  return out;
}

std::map<std::string, std::string> gather_settings(const std::optional<std::filesystem::path>& file) {
  std::map<std::string, std::string> out;
  if (file) out = read_config_file(*file);
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(entry.substr(0, eq));
    if (key.rfind("AGORA_", 0) == 0) out[key] = std::string(entry.substr(eq + 1));
  }
  return out;
}

}  // namespace agora
