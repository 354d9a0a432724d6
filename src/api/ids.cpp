#include "api/ids.h"

#include <charconv>

#include "core/errors.h"
#include "core/snowflake.h"
#include "http/params.h"

namespace agora::api {

int64_t path_id(const http::Request& req, std::string_view name) {
  auto id = parse_id(req.path_param(name));
  if (!id) throw Error::not_found();
  return *id;
}

std::vector<int64_t> id_list_param(const http::Request& req, std::string_view key) {
  std::vector<int64_t> out;
  for (const auto& text : http::param_list(req.params, key))
    if (auto id = parse_id(text)) out.push_back(*id);
  return out;
}

int64_t lenient_int_param(const http::Request& req, std::string_view key, int64_t fallback) {
  auto text = http::param_string(req.params, key);
  if (!text) return fallback;
  std::string_view s = *text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) return s.front() == '-' ? INT64_MIN : INT64_MAX;
  if (ec != std::errc()) return 0;
  return value;
}

}  // namespace agora::api
