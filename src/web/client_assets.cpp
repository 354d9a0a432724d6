// The web client's built assets (web/dist from `npm run build` in web/),
// served under /web. Hashed files in /web/assets are cached for a year;
// index.html answers /web and every client-side route (/web/statuses/1, …)
// with no-cache and the security headers of an HTML page.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "core/log.h"
#include "web/web.h"

namespace agora::web {

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxPathLength = 512;
constexpr uintmax_t kMaxFileSize = 16 * 1024 * 1024;

// Where the built client lives: next to the binary's directory (build/agora →
// web/dist, as in the source tree and in scripts/run), else under the working
// directory.
fs::path find_client_dir() {
  std::error_code ec;
  std::vector<fs::path> candidates;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "web" / "dist");
  candidates.push_back(fs::current_path(ec) / "web" / "dist");
  for (const auto& dir : candidates)
    if (fs::is_regular_file(dir / "index.html", ec)) return fs::canonical(dir, ec);
  return {};
}

std::string_view content_type_for(std::string_view name) {
  size_t dot = name.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot + 1);
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "webmanifest") return "application/manifest+json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "webp") return "image/webp";
  if (ext == "woff2") return "font/woff2";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// A segment that names a file: letters, digits, '-', '_' and inner dots only.
bool plain_segment(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.size() > 128) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

struct PathCheck {
  bool traversal = false;  // ".." or "." segments, backslashes, NULs: refused outright
  bool plain = true;       // every segment could name a file
};

PathCheck check_path(std::string_view path) {
  PathCheck check;
  if (path.size() > kMaxPathLength) return {true, false};
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == ".." || segment.find('\\') != std::string_view::npos ||
        segment.find('\0') != std::string_view::npos)
      check.traversal = true;
    if (!plain_segment(segment)) check.plain = false;
    start = end + 1;
  }
  return check;
}

std::optional<std::string> read_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  auto size = fs::file_size(file, ec);
  if (ec || size > kMaxFileSize) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::string body(size, '\0');
  if (!in.read(body.data(), static_cast<std::streamsize>(size))) return std::nullopt;
  return body;
}

http::Response not_found() {
  auto r = http::Response::text("Not found\n", "text/plain; charset=utf-8", 404);
  r.headers.set("Cache-Control", "no-cache");
  r.headers.set("X-Content-Type-Options", "nosniff");
  return r;
}

// The policy of the client's page: its own scripts and styles only (nothing
// inline), media from anywhere over https (remote posts), the API and the
// streaming socket on this server, and never inside a frame.
std::string content_security_policy(const services::Context& ctx) {
  bool https = ctx.config.scheme() == "https";
  std::string media = https ? "'self' https: data: blob:" : "'self' http: https: data: blob:";
  std::string socket = (https ? "wss://" : "ws://") + ctx.config.domain;
  return "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + media + "; media-src " + media +
         "; connect-src 'self' " + socket + "; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
         "form-action 'self'; object-src 'none'; frame-ancestors 'none'";
}

http::Response html_response(const services::Context& ctx, std::string body) {
  auto r = http::Response::text(std::move(body), "text/html; charset=utf-8");
  r.headers.set("Cache-Control", "no-cache");
  r.headers.set("Content-Security-Policy", content_security_policy(ctx));
  r.headers.set("Referrer-Policy", "same-origin");
  r.headers.set("X-Frame-Options", "DENY");
  r.headers.set("X-Content-Type-Options", "nosniff");
  r.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  return r;
}

class ClientAssets {
 public:
  explicit ClientAssets(services::Context& ctx) : ctx_(ctx), dir_(find_client_dir()) {
    if (dir_.empty())
      log::warn("the web client is not built (web/dist/index.html not found): /web answers 503");
    else
      log::info("web client from {}", dir_.string());
  }

  http::Response serve(std::string_view rest) const {
    if (dir_.empty()) {
      auto r = http::Response::text("The web client is not built: run `npm ci && npm run build` in web/.\n",
                                    "text/plain; charset=utf-8", 503);
      r.headers.set("Cache-Control", "no-cache");
      return r;
    }
    PathCheck check = check_path(rest);
    if (check.traversal) return not_found();
    if (!rest.empty() && check.plain && rest != "index.html") {
      if (auto body = read_file(dir_ / fs::path(std::string(rest)))) {
        auto r = http::Response::text(std::move(*body), std::string(content_type_for(rest)));
        // Vite names every file in assets/ by its content's hash: it never changes.
        r.headers.set("Cache-Control",
                      rest.starts_with("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        r.headers.set("X-Content-Type-Options", "nosniff");
        return r;
      }
    }
    // A missing file is a 404; any other path is a route of the client.
    size_t last = rest.rfind('/');
    std::string_view name = last == std::string_view::npos ? rest : rest.substr(last + 1);
    if (rest.starts_with("assets/") || name.find('.') != std::string_view::npos) return not_found();
    auto index = read_file(dir_ / "index.html");
    if (!index) return not_found();
    return html_response(ctx_, std::move(*index));
  }

 private:
  services::Context& ctx_;
  fs::path dir_;
};

}  // namespace

void register_client_routes(http::Router& router, services::Context& ctx) {
  auto assets = std::make_shared<ClientAssets>(ctx);
  router.get("/web", [assets](http::Request&) { return assets->serve(""); });
  router.get("/web/*path", [assets](http::Request& req) { return assets->serve(req.path_param("path")); });
}

}  // namespace agora::web
