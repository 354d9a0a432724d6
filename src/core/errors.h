// One typed error for everything that ends a request: an HTTP status plus a
// message that is safe to show. It is rendered as Mastodon's {"error": ...}
// in exactly one place (http/router.cpp).
#pragma once
#include <boost/json/value.hpp>
#include <stdexcept>
#include <string>

namespace agora {

class Error : public std::runtime_error {
 public:
  Error(int status, std::string message, boost::json::value details = nullptr)
      : std::runtime_error(message), status_(status), message_(std::move(message)),
        details_(std::move(details)) {}

  int status() const { return status_; }
  const std::string& message() const { return message_; }
  // Mastodon's per-field validation details for 422 answers, or null.
  const boost::json::value& details() const { return details_; }

  static Error bad_request(std::string m) { return {400, std::move(m)}; }
  static Error unauthorized(std::string m = "The access token is invalid") { return {401, std::move(m)}; }
  static Error forbidden(std::string m = "This action is not allowed") { return {403, std::move(m)}; }
  static Error not_found(std::string m = "Record not found") { return {404, std::move(m)}; }
  static Error unprocessable(std::string m, boost::json::value details = nullptr) {
    return {422, std::move(m), std::move(details)};
  }
  static Error too_large(std::string m = "Request entity too large") { return {413, std::move(m)}; }
  static Error unavailable(std::string m) { return {503, std::move(m)}; }

 private:
  int status_;
  std::string message_;
  boost::json::value details_;
};

}  // namespace agora
