#include "text/length.h"

#include "core/utf8.h"
#include "text/entities.h"

namespace agora::text {

namespace {

bool extends_previous(char32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) ||
         cp == 0x200D;
}

bool regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

}  // namespace

size_t count_graphemes(std::string_view s) {
  size_t count = 0, pos = 0;
  char32_t cp;
  bool joined = false;         // the previous code point was a ZWJ
  bool open_flag = false;      // one regional indicator waiting for its pair
  while (next_codepoint(s, pos, cp)) {
    if (joined || (count > 0 && extends_previous(cp)) || (open_flag && regional_indicator(cp))) {
      open_flag = false;
    } else {
      ++count;
      open_flag = regional_indicator(cp);
    }
    joined = cp == 0x200D && count > 0;
  }
  return count;
}

size_t countable_length(std::string_view s) {
  size_t length = 0, last = 0;
  for (const auto& e : extract_entities(s)) {
    if (e.kind == Entity::Kind::hashtag) continue;  // counted as the text it is
    length += count_graphemes(s.substr(last, e.begin - last));
    if (e.kind == Entity::Kind::url) {
      length += kUrlPlaceholderLength;
    } else {  // "@user@domain" counts as "@user"
      length += 1 + count_graphemes(std::string_view(e.value).substr(0, e.value.find('@')));
    }
    last = e.end;
  }
  return length + count_graphemes(s.substr(last));
}

}  // namespace agora::text
