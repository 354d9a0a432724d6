#include "http/byte_range.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace agora::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<size_t> number(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  size_t out = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return out;
}

}  // namespace

RangeRequest parse_range(std::optional<std::string_view> header, size_t size) {
  using Kind = RangeRequest::Kind;
  RangeRequest whole;
  if (!header) return whole;
  std::string_view h = trim(*header);
  if (h.size() < 6 || h.substr(0, 6) != "bytes=") return whole;
  std::string_view spec = trim(h.substr(6));
  if (spec.find(',') != std::string_view::npos) return whole;
  auto dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  std::string_view a = trim(spec.substr(0, dash)), b = trim(spec.substr(dash + 1));
  RangeRequest out;
  out.kind = Kind::partial;
  if (a.empty()) {  // the last N bytes
    auto suffix = number(b);
    if (!suffix) return whole;
    if (*suffix == 0 || size == 0) return {Kind::unsatisfiable, {}};
    out.range = {*suffix >= size ? 0 : size - *suffix, size - 1};
    return out;
  }
  auto first = number(a);
  if (!first) return whole;
  std::optional<size_t> last = b.empty() ? std::optional<size_t>(SIZE_MAX) : number(b);
  if (!last || *last < *first) return whole;
  if (*first >= size) return {Kind::unsatisfiable, {}};
  out.range = {*first, std::min(*last, size - 1)};
  return out;
}

}  // namespace agora::http
