#include "text/hashtags.h"

#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "text/unicode.h"

namespace agora::text {

namespace {
bool separator(char32_t c) { return c == 0xB7 || c == 0x200C; }
}  // namespace

bool valid_hashtag_name(std::string_view name) {
  if (name.empty() || !valid_utf8(name)) return false;
  std::vector<char32_t> cps;
  size_t pos = 0;
  char32_t cp;
  while (next_codepoint(name, pos, cp)) cps.push_back(cp);
  if (cps.size() > kMaxHashtagLength) return false;
  bool all_word = true, any_alpha = false;
  for (char32_t c : cps) {
    all_word = all_word && is_word_char(c);
    any_alpha = any_alpha || is_alpha_char(c);
  }
  // Second alternative of the pattern: word characters with at least one letter.
  if (all_word && any_alpha) return true;
  // First alternative: separators inside, word characters at both ends, and
  // something other than a digit between them.
  if (cps.size() < 3 || !is_word_char(cps.front()) || !is_word_char(cps.back())) return false;
  bool middle_ok = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!is_word_char(cps[i]) && !separator(cps[i])) return false;
    if (i > 0 && i + 1 < cps.size())
      middle_ok = middle_ok || is_alpha_char(cps[i]) || cps[i] == '_' || separator(cps[i]);
  }
  return middle_ok;
}

std::string normalize_hashtag(std::string_view name) { return ascii_lower(name); }

}  // namespace agora::text
