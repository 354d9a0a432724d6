// Request parameters as Mastodon reads them: query string, form-encoded and
// JSON bodies merged into one JSON object. Rails-style keys build structure:
// "ids[]=1&ids[]=2" is an array, "fields_attributes[0][name]=x" an object.
// Typed getters coerce strings the way Mastodon (ActiveModel) does.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace agora::http {

// Decodes %XX and '+' (as space). Throws Error 400 on bad escapes.
std::string percent_decode(std::string_view s, bool plus_is_space);
// Adds one decoded Rails-style "key" = "value" into `out`. Throws Error 400
// on invalid UTF-8 or too deeply nested keys.
void add_param(boost::json::object& out, const std::string& key, const std::string& value);
// Adds "a=b&c[]=d" pairs into `out`. Throws Error 400 on invalid UTF-8.
void parse_urlencoded(std::string_view text, boost::json::object& out);
// Merges the query string and the body (by Content-Type: JSON, form or
// multipart) into one object. The files of a multipart body go to `uploads`
// (dropped when it is null). Throws Error 400 for malformed bodies or
// invalid UTF-8, 413 for too many multipart parts.
boost::json::object parse_params(std::string_view query, std::string_view content_type, std::string_view body,
                                 std::vector<UploadedFile>* uploads = nullptr);

std::optional<std::string> param_string(const boost::json::object& p, std::string_view key);
// Mastodon's boolean coercion: false for false/0/"0"/"f"/"false"/"off"/"no"
// (any case); empty or missing is nullopt; anything else true.
std::optional<bool> param_bool(const boost::json::object& p, std::string_view key);
// Throws Error 400 when present but not an integer.
std::optional<int64_t> param_int(const boost::json::object& p, std::string_view key);
// A list from "key[]=a&key[]=b", a JSON array, or a single value.
std::vector<std::string> param_list(const boost::json::object& p, std::string_view key);

}  // namespace agora::http
