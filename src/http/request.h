// A parsed HTTP request as handlers see it: no Beast types, so handler code
// compiles without the heavy networking headers.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/headers.h"

namespace agora::http {

// A file from a multipart/form-data body. Its declared type and name are the
// client's claims: code that stores files sniffs the bytes itself.
struct UploadedFile {
  std::string field;  // the form field's name ("avatar")
  std::string filename;
  std::string content_type;
  std::string data;
};

struct Request {
  std::string method;  // "GET", "POST", …
  std::string target;  // as received: path and query
  std::string path;    // percent-decoded path, without the query
  std::string query;   // raw query string, without '?'
  Headers headers;
  std::string body;
  std::string remote_address;
  int64_t received_at_ms = 0;

  // Filled by routing: ":id" segments, and Mastodon-style merged parameters
  // from the query string and the (form or JSON) body.
  std::vector<std::pair<std::string, std::string>> path_params;
  boost::json::object params;
  std::vector<UploadedFile> uploads;  // file parts of a multipart/form-data body

  std::string_view path_param(std::string_view name) const;
  // The last file sent as `field`, or nullptr.
  const UploadedFile* upload(std::string_view field) const;
};

}  // namespace agora::http
