// One browser request as the web face sees it: who is signed in (session
// cookie), the CSRF token its forms carry, and the cookies to set in reply.
//
// CSRF: a random seed lives in its own HttpOnly cookie; a form's token is a
// hash of that seed and the session token, so another site can neither read
// nor forge it, and it changes when the member signs in or out.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "services/context.h"
#include "services/web_sessions.h"

namespace agora::web {

class Visit {
 public:
  Visit(services::Context& ctx, const http::Request& request);

  services::Context& ctx() const { return ctx_; }
  const http::Request& request() const { return request_; }
  const std::optional<services::WebSession>& session() const { return session_; }
  const std::string& ip() const { return request_.remote_address; }

  std::string csrf_token() const;
  // Throws Error 422 unless the request carries this visit's CSRF token
  // (form field authenticity_token or header X-CSRF-Token).
  void require_csrf() const;

  // Starts a session for this member (a fresh cookie) / ends the current one.
  void sign_in(const model::User& user);
  void sign_out();

  // A page in the shared layout, or a redirect, with this visit's cookies.
  http::Response page(std::string_view title, const std::string& body, int status = 200) const;
  http::Response redirect(const std::string& location) const;

 private:
  http::Response with_cookies(http::Response response) const;

  services::Context& ctx_;
  const http::Request& request_;
  std::optional<services::WebSession> session_;
  std::string session_token_;
  std::string csrf_seed_;
  bool csrf_seed_from_cookie_ = false;
  std::vector<std::string> set_cookies_;
};

using PageHandler = std::function<http::Response(Visit&)>;
// Wraps a page handler: builds the Visit and shows errors (agora::Error) as
// HTML pages with their status instead of JSON.
http::Handler page_handler(services::Context& ctx, PageHandler handler);

// A form field, read from Rails-style nested names ("user[email]").
std::string form_field(const http::Request& request, std::string_view group, std::string_view key);
std::string form_field(const http::Request& request, std::string_view key);
// `path` if it is a local path safe to redirect to after sign-in, else "".
std::string local_path(std::string_view path);

}  // namespace agora::web
