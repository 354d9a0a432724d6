#include "api/pagination.h"

#include <algorithm>

#include "core/snowflake.h"
#include "http/params.h"

namespace agora::api {

namespace {

std::optional<int64_t> id_param(const http::Request& req, const char* key) {
  auto text = http::param_string(req.params, key);
  if (!text || text->empty()) return std::nullopt;
  return parse_id(*text);  // garbage is ignored, as Mastodon's to_i would make it match nothing useful
}

bool is_paging_key(std::string_view key) { return key == "max_id" || key == "since_id" || key == "min_id"; }

std::string encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '[' || c == ']') out += c;
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// The request's own query parameters, without the paging ones (and "offset" for offset paging).
std::string kept_query(const http::Request& req, bool by_offset = false) {
  std::string out;
  size_t pos = 0;
  std::string_view q = req.query;
  while (pos <= q.size() && !q.empty()) {
    size_t amp = q.find('&', pos);
    std::string_view pair = q.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    pos = amp == std::string_view::npos ? q.size() + 1 : amp + 1;
    if (pair.empty()) continue;
    std::string key = http::percent_decode(pair.substr(0, pair.find('=')), true);
    if (is_paging_key(key) || key == "access_token" || (by_offset && key == "offset")) continue;
    out += std::string(pair) + "&";
  }
  return out;
}

}  // namespace

Page read_page(const http::Request& req, int default_limit, int max_limit) {
  Page p;
  p.max_id = id_param(req, "max_id");
  p.since_id = id_param(req, "since_id");
  p.min_id = id_param(req, "min_id");
  auto limit = http::param_int(req.params, "limit");
  p.limit = static_cast<int>(std::clamp<int64_t>(limit.value_or(default_limit), 1, max_limit));
  if (limit && *limit <= 0) p.limit = default_limit;
  return p;
}

int limit_param(const http::Request& req, int default_limit, int max_limit) {
  auto text = http::param_string(req.params, "limit");
  if (!text) return default_limit;
  // Ruby's to_i: optional sign and leading digits, anything else is 0.
  std::string_view s = *text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  int64_t value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    value = std::min<int64_t>(value * 10 + (c - '0'), max_limit);
  }
  return static_cast<int>(std::min<int64_t>(value, max_limit));
}

void add_link_header(http::Response& res, const std::string& base_url, const http::Request& req,
                     std::optional<int64_t> next_max_id, std::optional<int64_t> prev_id, const char* prev_key) {
  std::string base = base_url + req.path + "?" + kept_query(req);
  std::string link;
  if (next_max_id) link = "<" + base + "max_id=" + std::to_string(*next_max_id) + ">; rel=\"next\"";
  if (prev_id) {
    if (!link.empty()) link += ", ";
    link += "<" + base + encode(prev_key) + "=" + std::to_string(*prev_id) + ">; rel=\"prev\"";
  }
  if (!link.empty()) res.headers.set("Link", link);
}

void add_offset_link_header(http::Response& res, const std::string& base_url, const http::Request& req,
                            std::optional<int64_t> next_offset, std::optional<int64_t> prev_offset) {
  std::string base = base_url + req.path + "?" + kept_query(req, true);
  std::string link;
  if (next_offset) link = "<" + base + "offset=" + std::to_string(*next_offset) + ">; rel=\"next\"";
  if (prev_offset) {
    if (!link.empty()) link += ", ";
    link += "<" + base + "offset=" + std::to_string(*prev_offset) + ">; rel=\"prev\"";
  }
  if (!link.empty()) res.headers.set("Link", link);
}

}  // namespace agora::api
