#include "http/multipart.h"

#include <algorithm>
#include <functional>

#include "core/errors.h"
#include "http/headers.h"
#include "http/params.h"

namespace agora::http {

namespace {

[[noreturn]] void malformed(const char* why) { throw Error::bad_request(std::string("Invalid multipart body: ") + why); }

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// RFC 2046 bchars (space allowed, but not last).
bool boundary_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// Header parameters: `type; a=b; c="d \"e\""`. Calls `on(name, value)` for each;
// returns false when a quoted string never ends.
bool parse_header_params(std::string_view s, const std::function<void(std::string_view, std::string)>& on) {
  size_t pos = s.find(';');
  while (pos != std::string_view::npos && pos < s.size()) {
    ++pos;  // past ';'
    while (pos < s.size() && is_space(s[pos])) ++pos;
    size_t name_end = pos;
    while (name_end < s.size() && s[name_end] != '=' && s[name_end] != ';') ++name_end;
    std::string_view name = trim(s.substr(pos, name_end - pos));
    if (name_end >= s.size() || s[name_end] == ';') {  // a bare token without a value
      pos = name_end;
      continue;
    }
    pos = name_end + 1;
    while (pos < s.size() && is_space(s[pos])) ++pos;
    std::string value;
    if (pos < s.size() && s[pos] == '"') {
      ++pos;
      bool closed = false;
      while (pos < s.size()) {
        char c = s[pos++];
        if (c == '\\' && pos < s.size()) {
          value += s[pos++];
        } else if (c == '"') {
          closed = true;
          break;
        } else {
          value += c;
        }
      }
      if (!closed) return false;
      pos = s.find(';', pos);
    } else {
      size_t end = s.find(';', pos);
      value = std::string(trim(s.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos)));
      pos = end;
    }
    on(name, std::move(value));
  }
  return true;
}

// RFC 5987 `filename*=UTF-8''caf%C3%A9.png`.
std::optional<std::string> extended_value(const std::string& v) {
  size_t quote = v.find("''");
  if (quote == std::string::npos) return std::nullopt;
  if (!iequals(std::string_view(v).substr(0, quote), "utf-8")) return std::nullopt;
  try {
    return percent_decode(std::string_view(v).substr(quote + 2), false);
  } catch (const Error&) {
    return std::nullopt;
  }
}

void parse_part_headers(std::string_view block, FormPart& part) {
  size_t pos = 0;
  while (pos < block.size()) {
    size_t end = block.find("\r\n", pos);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(pos, end - pos);
    pos = end + 2;
    if (line.empty()) continue;
    if (is_space(line.front())) malformed("folded part header");
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) malformed("part header without a name");
    std::string_view name = line.substr(0, colon);
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Disposition")) {
      std::string_view type = trim(value.substr(0, value.find(';')));
      if (!iequals(type, "form-data")) malformed("part is not form-data");
      std::optional<std::string> extended_filename;
      bool ok = parse_header_params(value, [&](std::string_view key, std::string v) {
        if (iequals(key, "name")) part.name = std::move(v);
        else if (iequals(key, "filename")) part.filename = std::move(v);
        else if (iequals(key, "filename*")) extended_filename = extended_value(v);
      });
      if (!ok) malformed("unterminated quoted string");
      if (extended_filename) part.filename = std::move(extended_filename);
    } else if (iequals(name, "Content-Type")) {
      part.content_type = std::string(value);
    }
  }
}

}  // namespace

bool is_multipart_form(std::string_view content_type) {
  std::string_view type = trim(content_type.substr(0, content_type.find(';')));
  return iequals(type, "multipart/form-data");
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  if (!is_multipart_form(content_type)) return std::nullopt;
  std::optional<std::string> boundary;
  bool ok = parse_header_params(content_type, [&](std::string_view key, std::string v) {
    if (iequals(key, "boundary")) boundary = std::move(v);
  });
  if (!ok || !boundary || boundary->empty() || boundary->size() > 70 || boundary->back() == ' ' ||
      !std::all_of(boundary->begin(), boundary->end(), boundary_char))
    return std::nullopt;
  return boundary;
}

std::vector<FormPart> parse_multipart(std::string_view body, std::string_view boundary,
                                      const MultipartLimits& limits) {
  if (boundary.empty()) malformed("no boundary");
  // Every delimiter after the first is preceded by CRLF; Boyer-Moore-Horspool
  // keeps hostile near-matches ("----…") linear in practice.
  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::boyer_moore_horspool_searcher next_delimiter(delimiter.begin(), delimiter.end());
  auto find_delimiter = [&](size_t from) -> size_t {
    auto it = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), next_delimiter);
    return it == body.end() ? std::string_view::npos : static_cast<size_t>(it - body.begin());
  };

  size_t pos;
  std::string_view first = std::string_view(delimiter).substr(2);
  if (body.starts_with(first)) {
    pos = first.size();
  } else {  // a preamble, to be ignored
    size_t at = find_delimiter(0);
    if (at == std::string_view::npos) malformed("no boundary found");
    pos = at + delimiter.size();
  }

  std::vector<FormPart> parts;
  for (;;) {
    if (body.substr(pos, 2) == "--") return parts;  // the close delimiter; any epilogue is ignored
    while (pos < body.size() && is_space(body[pos])) ++pos;  // transport padding
    if (body.substr(pos, 2) != "\r\n") malformed("bad delimiter line");
    pos += 2;

    FormPart part;
    size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {  // no headers at all
      content_start = pos + 2;
    } else {
      // Look for the blank line only within the allowed header size.
      std::string_view window = body.substr(pos, limits.max_part_header_bytes + 4);
      size_t headers_end = window.find("\r\n\r\n");
      if (headers_end == std::string_view::npos)
        malformed(window.size() < limits.max_part_header_bytes + 4 ? "unterminated part headers"
                                                                   : "part headers too large");
      headers_end += pos;
      parse_part_headers(body.substr(pos, headers_end - pos), part);
      content_start = headers_end + 4;
    }

    size_t content_end = find_delimiter(content_start);
    if (content_end == std::string_view::npos) malformed("unterminated part");
    part.data = body.substr(content_start, content_end - content_start);
    pos = content_end + delimiter.size();
    if (part.name.empty()) continue;
    if (parts.size() == limits.max_parts) throw Error::too_large("Too many parts in multipart body");
    parts.push_back(std::move(part));
  }
}

}  // namespace agora::http
