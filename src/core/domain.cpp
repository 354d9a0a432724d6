#include "core/domain.h"

#include <idn2.h>

#include <cstdlib>
#include <memory>

#include "core/utf8.h"

namespace agora {

namespace {

bool valid_label(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  for (char c : label)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

std::optional<std::string> normalize_domain(std::string_view input) {
  while (!input.empty() && (input.front() == ' ' || input.front() == '\t')) input.remove_prefix(1);
  while (!input.empty() && (input.back() == ' ' || input.back() == '\t' || input.back() == '/'))
    input.remove_suffix(1);
  if (!input.empty() && input.back() == '.') input.remove_suffix(1);  // the root of a fully qualified name
  if (input.empty() || input.size() > 1024 || !valid_utf8(input)) return std::nullopt;
  std::string text(input);
  char* ascii = nullptr;
  // IDNA2008 with UTS #46 mapping (lower-cases, as browsers do); libidn2 is written by people who know the tables.
  if (idn2_to_ascii_8z(text.c_str(), &ascii, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL) != IDN2_OK) {
    // Underscores are not IDNA-valid but do occur in real host names: accept plain ASCII as it is.
    bool ascii_only = true;
    for (unsigned char c : text) ascii_only &= c < 0x80;
    if (!ascii_only) return std::nullopt;
    ascii = nullptr;
  }
  std::string out;
  if (ascii) {
    out = ascii;
    idn2_free(ascii);
  } else {
    out = text;
  }
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (out.size() >= 256) return std::nullopt;
  size_t start = 0;
  while (true) {
    size_t dot = out.find('.', start);
    if (!valid_label(std::string_view(out).substr(start, dot == std::string::npos ? std::string::npos : dot - start)))
      return std::nullopt;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

}  // namespace agora
