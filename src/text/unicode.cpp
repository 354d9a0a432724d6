#include "text/unicode.h"

#include <locale.h>
#include <wctype.h>

#include <iterator>

namespace agora::text {

namespace {

struct Range {
  char32_t first, last;
};

// Non-ASCII code points that are punctuation, symbols, spaces, controls or
// emoji rather than parts of words.
constexpr Range kNotWord[] = {
    {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB9},     {0xBB, 0xBF},     {0xD7, 0xD7},
    {0xF7, 0xF7},     {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F},
    {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0xFD3E, 0xFD3F}, {0xFE00, 0xFE0F},
    {0xFE10, 0xFE1F}, {0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF00, 0xFF0F}, {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},
};

bool in(const Range* begin, const Range* end, char32_t cp) {
  for (const Range* r = begin; r != end; ++r)
    if (cp >= r->first && cp <= r->last) return true;
  return false;
}

bool ascii_alnum(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

}  // namespace

bool is_space_char(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return ascii_alnum(cp) || cp == '_';
  return !in(std::begin(kNotWord), std::end(kNotWord), cp);
}

bool is_alpha_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return is_word_char(cp) && !(cp >= 0x660 && cp <= 0x669) && !(cp >= 0x6F0 && cp <= 0x6F9) &&
         !(cp >= 0x966 && cp <= 0x96F) && !(cp >= 0xFF10 && cp <= 0xFF19);
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  // glibc's C.UTF-8 locale carries the Unicode case tables (wchar_t is UTF-32 here).
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  if (utf8) return static_cast<char32_t>(towlower_l(static_cast<wint_t>(cp), utf8));
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x410 && cp <= 0x42F) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2))
    return cp + 32;
  return cp;
}

}  // namespace agora::text
