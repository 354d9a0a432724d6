#include "web/visit.h"

#include "core/crypto.h"
#include "core/errors.h"
#include "http/cookies.h"
#include "http/params.h"
#include "web/html.h"

namespace agora::web {

namespace {

constexpr std::string_view kSessionCookie = "_agora_session";
constexpr std::string_view kCsrfCookie = "_agora_csrf";
constexpr int64_t kCookieMaxAgeSeconds = services::kWebSessionIdleMs / 1000;
constexpr size_t kMaxLocalPathLength = 4000;

// HttpOnly and SameSite=Lax always; Secure whenever the site is served over https.
http::CookieOptions cookie_options(const services::Context& ctx, std::optional<int64_t> max_age_seconds) {
  http::CookieOptions options;
  options.max_age_seconds = max_age_seconds;
  options.secure = ctx.config.scheme() == "https";
  return options;
}

}  // namespace

Visit::Visit(services::Context& ctx, const http::Request& request) : ctx_(ctx), request_(request) {
  if (auto token = http::cookie(request, kSessionCookie); token && token->size() <= 128) {
    session_ = services::find_web_session(ctx, *token, request.remote_address);
    if (session_) session_token_ = *token;
  }
  if (auto seed = http::cookie(request, kCsrfCookie); seed && seed->size() >= 32 && seed->size() <= 128) {
    csrf_seed_ = *seed;
    csrf_seed_from_cookie_ = true;
  } else {
    csrf_seed_ = crypto::random_token(32);
    set_cookies_.push_back(http::set_cookie(kCsrfCookie, csrf_seed_, cookie_options(ctx, std::nullopt)));
  }
}

std::string Visit::csrf_token() const {
  return crypto::base64url(crypto::sha256("agora-csrf\n" + csrf_seed_ + "\n" + session_token_));
}

void Visit::require_csrf() const {
  std::string sent = form_field(request_, "authenticity_token");
  if (sent.empty()) sent = std::string(request_.headers.get_or("X-CSRF-Token", ""));
  if (!csrf_seed_from_cookie_ || sent.empty() || !crypto::equal_secrets(sent, csrf_token()))
    throw Error(422, "Security verification failed. Are you blocking cookies?");
}

void Visit::sign_in(const model::User& user) {
  if (!session_token_.empty()) services::end_web_session(ctx_, session_token_);
  session_token_ = services::start_web_session(ctx_, user, std::string(request_.headers.get_or("User-Agent", "")),
                                               request_.remote_address);
  session_ = services::find_web_session(ctx_, session_token_, request_.remote_address);
  set_cookies_.push_back(http::set_cookie(kSessionCookie, session_token_, cookie_options(ctx_, kCookieMaxAgeSeconds)));
}

void Visit::sign_out() {
  services::end_web_session(ctx_, session_token_);
  session_.reset();
  session_token_.clear();
  set_cookies_.push_back(http::set_cookie(kSessionCookie, "", cookie_options(ctx_, 0)));
}

http::Response Visit::with_cookies(http::Response response) const {
  for (const auto& c : set_cookies_) response.headers.add("Set-Cookie", c);
  return response;
}

http::Response Visit::page(std::string_view title, const std::string& body, int status) const {
  Layout layout{ctx_.config.domain, std::nullopt, csrf_token()};
  if (session_) layout.signed_in_as = "@" + session_->account.username;
  return with_cookies(web::page(layout, title, body, status));
}

http::Response Visit::redirect(const std::string& location) const { return with_cookies(web::redirect(location)); }

http::Handler page_handler(services::Context& ctx, PageHandler handler) {
  return [&ctx, handler = std::move(handler)](http::Request& request) {
    Visit visit(ctx, request);
    try {
      return handler(visit);
    } catch (const Error& e) {
      return visit.page(e.status() == 422 ? "Security verification failed" : "An error has occurred",
                        "<p class=\"alert\">" + escape(e.message()) + "</p>", e.status());
    }
  };
}

std::string form_field(const http::Request& request, std::string_view group, std::string_view key) {
  auto it = request.params.find(group);
  if (it == request.params.end() || !it->value().is_object()) return "";
  auto value = http::param_string(it->value().as_object(), key);
  return value.value_or("");
}

std::string form_field(const http::Request& request, std::string_view key) {
  auto it = request.params.find(key);
  if (it == request.params.end() || !it->value().is_string()) return "";
  return std::string(it->value().as_string());
}

std::string local_path(std::string_view path) {
  if (path.empty() || path.size() > kMaxLocalPathLength || path.front() != '/') return "";
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return "";  // "//evil.example" leaves the site
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f || c == '\\') return "";
  return std::string(path);
}

}  // namespace agora::web
