// Configuration from AGORA_* environment variables, optionally read from a
// KEY=value file (like Mastodon's .env.production). The environment wins over
// the file. Unknown keys and invalid values fail at start with a clear message.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/log.h"

namespace agora {

enum class Environment { production, development, test };

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SmtpSettings {
  std::string server;  // empty: no SMTP (mail is written to the log instead)
  uint16_t port = 587;
  std::string login;
  std::string password;
  std::string from_address;  // default notifications@DOMAIN (without the port)
  std::string tls = "starttls";  // none, starttls (required), tls (implicit, port 465)
};

// S3-compatible object storage for stored files (AGORA_S3_*); off without a bucket.
struct ObjectStorageSettings {
  std::string bucket;
  std::string endpoint;  // "https://host[:port]"; default https://s3.REGION.amazonaws.com
  std::string region = "us-east-1";
  std::string access_key_id;
  std::string secret_access_key;
  bool path_style = false;  // endpoint/bucket/key instead of bucket.endpoint/key
  std::string alias_host;   // public URL base (CDN); default: the bucket's own URL
  std::string permission = "public-read";  // canned ACL sent with uploads; empty: none
  bool enabled() const { return !bucket.empty(); }
};

// AGORA_TEST_CONNECT_TO's "domain=address:port".
struct ConnectTo {
  std::string domain;
  std::string address;  // numeric IPv4 or IPv6 (without brackets)
  uint16_t port = 0;
  bool operator==(const ConnectTo&) const = default;
};

struct Config {
  Environment env = Environment::production;
  std::string domain;  // "social.example.org" or "localhost:3000": every URL and handle uses it
  std::string listen_host = "127.0.0.1";
  uint16_t listen_port = 3000;
  std::filesystem::path data_dir = "data";
  std::string database_url;  // "sqlite:PATH" or "postgres://…"; default sqlite under data_dir
  std::optional<std::string> redis_url;
  int io_threads = 1;       // threads that read and write sockets
  int handler_threads = 2;  // threads that run request handlers (may block on the database)
  log::Level log_level = log::Level::info;
  bool rate_limits = true;  // Mastodon's default throttles (off only for benchmarks)
  std::vector<std::string> trusted_proxies;  // beside loopback, whose X-Forwarded-For is believed
  int worker_threads = 2;  // job workers inside `agora serve` (0: run `agora worker` separately)
  // Mastodon's AUTHORIZED_FETCH ("secure mode"): ActivityPub documents only
  // for signed requests (WebFinger, NodeInfo and the instance actor stay open).
  bool authorized_fetch = false;
  SmtpSettings smtp;
  ObjectStorageSettings s3;
  // Test-only (refused unless AGORA_ENV=test), so that several instances on
  // 127.0.0.1 can federate in tests: own URLs and outgoing federation use
  // http://, and loopback addresses may be fetched.
  bool test_http = false;
  // Test-only: connect to these domains at these addresses (curl's --connect-to).
  std::vector<ConnectTo> test_connect_to;
  // Test-only: a PEM file of the certificate authorities trusted for outgoing
  // HTTPS instead of the system's (a test CA behind a local TLS proxy).
  std::string test_ca_file;

  // "http" for loopback domains outside production (so a newcomer can sign in
  // from a client on the same machine) and with test_http, "https" everywhere else.
  std::string scheme() const;
  std::string base_url() const { return scheme() + "://" + domain; }
  bool uses_sqlite() const { return database_url.rfind("sqlite:", 0) == 0; }
  std::string sqlite_path() const { return database_url.substr(7); }
};

struct SettingInfo {
  const char* name;
  const char* help;
  bool test_only;
  bool secret = false;  // never echoed in error messages
};
// Every setting agora knows, for `agora --help` and the README.
const std::vector<SettingInfo>& known_settings();

// Builds a Config from AGORA_* variables (others are ignored).
Config load_config(const std::map<std::string, std::string>& variables);
// Reads KEY=value lines; '#' starts a comment; values may be quoted.
std::map<std::string, std::string> read_config_file(const std::filesystem::path& path);
// The AGORA_* variables of this process, over those of an optional file.
std::map<std::string, std::string> gather_settings(const std::optional<std::filesystem::path>& file);

const char* environment_name(Environment env);
bool is_loopback_host(std::string_view host);

}  // namespace agora
