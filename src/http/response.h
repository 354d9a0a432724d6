// An HTTP response as handlers build it.
#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "http/headers.h"

namespace agora::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response json(const boost::json::value& value, int status = 200);
  static Response text(std::string body, std::string content_type, int status = 200);
  // Mastodon's error body: {"error": "...", "details": {...}?}.
  static Response error(int status, const std::string& message, const boost::json::value& details = nullptr);
};

}  // namespace agora::http
