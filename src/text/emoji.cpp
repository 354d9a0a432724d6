#include "text/emoji.h"

#include <cctype>

#include <vector>

#include "core/utf8.h"
#include "text/length.h"

namespace agora::text {

namespace {

// Extended_Pictographic, approximately: the blocks emoji are drawn from.
bool pictographic(char32_t c) {
  return c == 0xA9 || c == 0xAE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139 ||
         (c >= 0x2194 && c <= 0x2199) || (c >= 0x21A9 && c <= 0x21AA) || (c >= 0x231A && c <= 0x231B) ||
         c == 0x2328 || c == 0x23CF || (c >= 0x23E9 && c <= 0x23F3) || (c >= 0x23F8 && c <= 0x23FA) ||
         c == 0x24C2 || (c >= 0x25AA && c <= 0x25AB) || c == 0x25B6 || c == 0x25C0 ||
         (c >= 0x25FB && c <= 0x25FE) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2934 && c <= 0x2935) ||
         (c >= 0x2B05 && c <= 0x2B07) || (c >= 0x2B1B && c <= 0x2B1C) || c == 0x2B50 || c == 0x2B55 ||
         c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299 || (c >= 0x1F000 && c <= 0x1F1E5) ||
         (c >= 0x1F200 && c <= 0x1F3FA) || (c >= 0x1F400 && c <= 0x1FAFF);
}
bool regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool skin_tone(char32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
bool tag_char(char32_t c) { return c >= 0xE0020 && c <= 0xE007F; }  // subdivision flags
bool keycap_base(char32_t c) { return (c >= '0' && c <= '9') || c == '#' || c == '*'; }

}  // namespace

bool is_unicode_emoji(std::string_view s) {
  if (s.empty() || s.size() > 64 || !valid_utf8(s) || count_graphemes(s) != 1) return false;
  std::vector<char32_t> cps;
  size_t pos = 0;
  char32_t cp;
  while (next_codepoint(s, pos, cp)) cps.push_back(cp);
  if (keycap_base(cps[0])) {  // "1️⃣": base, optional VS16, combining keycap
    return (cps.size() == 2 && cps[1] == 0x20E3) || (cps.size() == 3 && cps[1] == 0xFE0F && cps[2] == 0x20E3);
  }
  if (regional_indicator(cps[0])) return cps.size() == 2 && regional_indicator(cps[1]);
  if (!pictographic(cps[0])) return false;
  for (size_t i = 1; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (!(pictographic(c) || skin_tone(c) || c == 0xFE0F || c == 0x200D || tag_char(c))) return false;
    // Two pictographs make one emoji only when joined.
    if (pictographic(c) && !skin_tone(c) && cps[i - 1] != 0x200D) return false;
  }
  return true;
}

std::vector<std::string> custom_emoji_shortcodes(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = text.find(':', i)) != std::string_view::npos) {
    size_t j = i + 1;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
    if (j < text.size() && text[j] == ':' && j - i - 1 >= 2) {
      out.emplace_back(text.substr(i + 1, j - i - 1));
      i = j + 1;
    } else {
      i = j;
    }
  }
  return out;
}

}  // namespace agora::text
