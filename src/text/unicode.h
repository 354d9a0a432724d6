// Character classes the text extractors need, close to Ruby's [[:word:]],
// [[:alpha:]] and [[:space:]] without a full Unicode database: letters,
// marks and digits of every script are word characters; punctuation,
// symbols, emoji and spaces are not.
#pragma once

namespace agora::text {

bool is_word_char(char32_t cp);
bool is_alpha_char(char32_t cp);  // a word character that is not a digit or '_'
bool is_space_char(char32_t cp);
// Unicode's simple lower-case mapping (one code point to one), as
// case-insensitive matching compares letters.
char32_t to_lower(char32_t cp);

}  // namespace agora::text
