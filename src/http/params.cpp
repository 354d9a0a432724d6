#include "http/params.h"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <charconv>

#include "core/errors.h"
#include "core/utf8.h"
#include "http/multipart.h"

namespace agora::http {

namespace json = boost::json;

namespace {

// No text agora stores or searches may hold a NUL (PostgreSQL cannot, SQLite cuts strings at it).
Error null_byte() { return Error::bad_request("Invalid null byte in request parameters"); }

bool holds_null_byte(const json::value& v) {
  if (v.is_string()) return v.as_string().find('\0') != json::string::npos;
  if (v.is_array())
    return std::any_of(v.as_array().begin(), v.as_array().end(), [](const json::value& e) { return holds_null_byte(e); });
  if (v.is_object())
    return std::any_of(v.as_object().begin(), v.as_object().end(), [](const auto& kv) {
      return kv.key().find('\0') != std::string_view::npos || holds_null_byte(kv.value());
    });
  return false;
}


int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr size_t kMaxDepth = 8;  // nesting of a[b][c]…, against hostile keys

// Splits "a[b][]" into {"a", "b", ""}.
std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  size_t open = key.find('[');
  if (open == std::string::npos || open == 0 || key.back() != ']') return {key};
  parts.push_back(key.substr(0, open));
  size_t pos = open;
  while (pos < key.size()) {
    if (key[pos] != '[') return {key};
    size_t close = key.find(']', pos);
    if (close == std::string::npos) return {key};
    parts.push_back(key.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
  if (parts.size() > kMaxDepth) throw Error::bad_request("Too deeply nested parameter: " + parts.front());
  return parts;
}

void assign(json::value& slot, const std::vector<std::string>& parts, size_t i, const std::string& value) {
  if (i == parts.size()) {
    slot = json::string(value);
    return;
  }
  const std::string& part = parts[i];
  if (part.empty()) {  // "[]": append
    if (!slot.is_array()) slot = json::array();
    auto& arr = slot.as_array();
    if (i + 1 == parts.size()) {
      arr.emplace_back(json::string(value));
    } else {
      // "a[][b]=…": start a new element unless the last one lacks this key.
      const std::string& next = parts[i + 1];
      if (arr.empty() || !arr.back().is_object() || arr.back().as_object().contains(next))
        arr.emplace_back(json::object());
      assign(arr.back(), parts, i + 1, value);
    }
    return;
  }
  if (!slot.is_object()) slot = json::object();
  assign(slot.as_object()[part], parts, i + 1, value);
}

}  // namespace

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
      int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) throw Error::bad_request("Invalid percent-encoding in request");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void parse_urlencoded(std::string_view text, json::object& out) {
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t amp = text.find('&', pos);
    std::string_view pair = text.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    pos = amp == std::string_view::npos ? text.size() + 1 : amp + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key = percent_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), true);
    add_param(out, key, value);
  }
}

void add_param(json::object& out, const std::string& key, const std::string& value) {
  if (!valid_utf8(key) || !valid_utf8(value)) throw Error::bad_request("Invalid UTF-8 in request parameters");
  if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos) throw null_byte();
  if (key.empty()) return;
  auto parts = split_key(key);
  assign(out[parts.front()], parts, 1, value);
}

namespace {

void parse_multipart_form(std::string_view content_type, std::string_view body, json::object& out,
                          std::vector<UploadedFile>* uploads) {
  auto boundary = multipart_boundary(content_type);
  if (!boundary) throw Error::bad_request("Invalid multipart body: no boundary");
  for (const auto& part : parse_multipart(body, *boundary)) {
    if (!part.filename) {
      add_param(out, part.name, std::string(part.data));
    } else if (uploads && !(part.filename->empty() && part.data.empty())) {  // "" and no bytes: no file chosen
      if (!valid_utf8(part.name)) throw Error::bad_request("Invalid UTF-8 in request parameters");
      uploads->push_back({part.name, valid_utf8(*part.filename) ? *part.filename : std::string(),
                          part.content_type, std::string(part.data)});
    }
  }
}

}  // namespace

json::object parse_params(std::string_view query, std::string_view content_type, std::string_view body,
                          std::vector<UploadedFile>* uploads) {
  json::object out;
  if (!query.empty()) parse_urlencoded(query, out);
  if (body.empty()) return out;
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (type == "application/json" || type.ends_with("+json")) {
    if (!valid_utf8(body)) throw Error::bad_request("Invalid UTF-8 in request body");
    std::error_code ec;
    json::parse_options opts;
    opts.max_depth = 32;
    json::value v = json::parse(body, ec, {}, opts);
    if (ec) throw Error::bad_request("Invalid JSON in request body: " + ec.message());
    if (!v.is_object()) throw Error::bad_request("Invalid JSON in request body: expected an object");
    if (holds_null_byte(v)) throw null_byte();
    for (auto& [k, val] : v.as_object()) out[k] = std::move(val);
  } else if (type == "application/x-www-form-urlencoded") {
    parse_urlencoded(body, out);
  } else if (is_multipart_form(content_type)) {
    parse_multipart_form(content_type, body, out, uploads);
  }
  return out;
}

std::optional<std::string> param_string(const json::object& p, std::string_view key) {
  auto it = p.find(key);
  if (it == p.end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) return std::to_string(v.as_double());
  throw Error::bad_request(std::string(key) + " must be a string");
}

std::optional<bool> param_bool(const json::object& p, std::string_view key) {
  auto it = p.find(key);
  if (it == p.end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_bool()) return v.as_bool();
  if (v.is_int64()) return v.as_int64() != 0;
  auto s = param_string(p, key);
  if (!s || s->empty()) return std::nullopt;
  std::string lower;
  for (char c : *s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return !(lower == "false" || lower == "0" || lower == "f" || lower == "off" || lower == "no" || lower == "n");
}

std::optional<int64_t> param_int(const json::object& p, std::string_view key) {
  auto s = param_string(p, key);
  if (!s || s->empty()) return std::nullopt;
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc() || ptr != s->data() + s->size())
    throw Error::bad_request(std::string(key) + " must be an integer");
  return v;
}

std::vector<std::string> param_list(const json::object& p, std::string_view key) {
  std::vector<std::string> out;
  auto it = p.find(key);
  if (it == p.end() || it->value().is_null()) return out;
  if (it->value().is_array()) {
    for (const auto& v : it->value().as_array()) {
      if (v.is_string()) out.emplace_back(v.as_string());
      else if (v.is_int64()) out.push_back(std::to_string(v.as_int64()));
      else if (v.is_uint64()) out.push_back(std::to_string(v.as_uint64()));
    }
    return out;
  }
  if (it->value().is_object()) {  // "key[0]=a&key[1]=b"
    for (const auto& [k, v] : it->value().as_object())
      if (v.is_string()) out.emplace_back(v.as_string());
    return out;
  }
  if (auto s = param_string(p, key)) out.push_back(*s);
  return out;
}

}  // namespace agora::http
