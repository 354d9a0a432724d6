#include "text/entities.h"

#include <algorithm>

#include "core/utf8.h"
#include "text/unicode.h"

namespace agora::text {

namespace {

// The text as code points, each with its byte offset (plus one past the end).
struct Decoded {
  std::vector<char32_t> cps;
  std::vector<size_t> offsets;

  explicit Decoded(std::string_view s) {
    size_t pos = 0;
    char32_t cp;
    for (size_t at = 0; next_codepoint(s, pos, cp); at = pos) {
      cps.push_back(cp);
      offsets.push_back(at);
    }
    offsets.push_back(s.size());
  }
  size_t size() const { return cps.size(); }
  char32_t at(size_t i) const { return i < cps.size() ? cps[i] : 0; }
};

char32_t lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
bool ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool username_char(char32_t c) { return ascii_alnum(c) || c == '_'; }

bool starts_with_ci(const Decoded& d, size_t i, std::string_view prefix) {
  for (size_t k = 0; k < prefix.size(); ++k)
    if (lower(d.at(i + k)) != static_cast<char32_t>(prefix[k])) return false;
  return true;
}

bool host_char(char32_t c) { return ascii_alnum(c) || c == '-' || c == '.' || (c >= 0x80 && is_word_char(c)); }

// A URL path/query character: anything printable but spaces and the
// characters that end a URL in running text.
bool url_char(char32_t c) {
  if (c < 0x21 || c == 0x7F || is_space_char(c)) return false;
  return c != '<' && c != '>' && c != '"' && c != '`' && c != '{' && c != '}' && c != '|' && c != '\\' &&
         c != '^';
}

// "example.org", "xn--caf-dma.example", "café.example": labels separated by
// single dots, a top-level label of two or more letters.
bool plausible_host(const Decoded& d, size_t begin, size_t end) {
  if (begin == end || d.at(begin) == '.' || d.at(begin) == '-' || d.at(end - 1) == '.') return false;
  size_t last_dot = end;
  for (size_t i = begin; i < end; ++i) {
    if (d.at(i) == '.') {
      if (i + 1 < end && d.at(i + 1) == '.') return false;
      last_dot = i;
    }
  }
  if (last_dot == end || end - last_dot - 1 < 2) return false;
  bool punycode = starts_with_ci(d, last_dot + 1, "xn--");
  for (size_t i = last_dot + 1; i < end; ++i)
    if (!punycode && !is_alpha_char(d.at(i))) return false;
  return true;
}

// The end (exclusive) of a URL starting at i, or i when there is none.
size_t match_url(const Decoded& d, size_t i) {
  size_t scheme = starts_with_ci(d, i, "https://") ? 8 : starts_with_ci(d, i, "http://") ? 7 : 0;
  if (!scheme) return i;
  if (i > 0) {
    char32_t prev = d.at(i - 1);
    if (is_word_char(prev) || prev == '@' || prev == '$' || prev == '#' || prev == '/') return i;
  }
  size_t host_begin = i + scheme, j = host_begin;
  while (j < d.size() && host_char(d.at(j))) ++j;
  size_t host_end = j;
  while (host_end > host_begin && d.at(host_end - 1) == '.') --host_end;  // "see https://a.org." ends the sentence
  if (!plausible_host(d, host_begin, host_end)) return i;
  j = host_end;
  if (d.at(j) == ':' && d.at(j + 1) >= '0' && d.at(j + 1) <= '9') {
    ++j;
    while (d.at(j) >= '0' && d.at(j) <= '9') ++j;
  }
  if (d.at(j) == '/' || d.at(j) == '?' || d.at(j) == '#') {
    while (j < d.size() && url_char(d.at(j))) ++j;
    // Trailing punctuation belongs to the sentence, and so does a closing
    // parenthesis without its opening one: "(see https://a.org/x)".
    for (;;) {
      char32_t last = d.at(j - 1);
      if (std::u32string_view(U".,:;!?'*").find(last) != std::u32string_view::npos) {
        --j;
        continue;
      }
      if (last == ')') {
        auto open = std::count(d.cps.begin() + static_cast<std::ptrdiff_t>(i), d.cps.begin() + static_cast<std::ptrdiff_t>(j), U'(');
        auto close = std::count(d.cps.begin() + static_cast<std::ptrdiff_t>(i), d.cps.begin() + static_cast<std::ptrdiff_t>(j), U')');
        if (close > open) {
          --j;
          continue;
        }
      }
      break;
    }
  }
  return j;
}

bool hashtag_separator(char32_t c) { return c == 0xB7 || c == 0x30FB || c == 0x200C; }

// The end of "#tag" starting at i ('#'), or i.
size_t match_hashtag(const Decoded& d, size_t i) {
  if (i > 0) {
    char32_t prev = d.at(i - 1);
    if (prev == '=' || prev == '/' || (is_word_char(prev) && prev != '_')) return i;
  }
  size_t j = i + 1;
  while (j < d.size() && (is_word_char(d.at(j)) || hashtag_separator(d.at(j)))) ++j;
  while (j > i + 1 && hashtag_separator(d.at(j - 1))) --j;
  bool has_alpha = false;
  for (size_t k = i + 1; k < j; ++k) has_alpha = has_alpha || is_alpha_char(d.at(k));
  return has_alpha ? j : i;
}

// Consumes `part([.-]+part)*` where `part` is one or more `ok` characters.
size_t match_dotted(const Decoded& d, size_t j, bool (*ok)(char32_t)) {
  size_t start = j;
  while (j < d.size() && ok(d.at(j))) ++j;
  if (j == start) return start;
  for (;;) {
    size_t k = j;
    while (d.at(k) == '.' || d.at(k) == '-') ++k;
    if (k == j || !ok(d.at(k))) return j;
    while (k < d.size() && ok(d.at(k))) ++k;
    j = k;
  }
}

bool domain_char(char32_t c) { return is_word_char(c); }

// The end of "@user" or "@user@domain" starting at i ('@'), or i.
size_t match_mention(const Decoded& d, size_t i) {
  if (i > 0) {
    char32_t prev = d.at(i - 1);
    if (prev == '=' || prev == '/' || is_word_char(prev)) return i;
  }
  size_t j = match_dotted(d, i + 1, username_char);
  if (j == i + 1) return i;
  if (d.at(j) == '@') {
    size_t k = match_dotted(d, j + 1, domain_char);
    if (k > j + 1) j = k;
  }
  return j;
}

}  // namespace

std::vector<Entity> extract_entities(std::string_view text) {
  Decoded d(text);
  std::vector<Entity> out;
  auto add = [&](Entity::Kind kind, size_t from, size_t to, size_t skip) {
    size_t b = d.offsets[from], e = d.offsets[to];
    out.push_back({kind, b, e, std::string(text.substr(b + skip, e - b - skip))});
  };
  for (size_t i = 0; i < d.size();) {
    char32_t c = d.at(i);
    size_t end = i;
    if (c == 'h' || c == 'H') {
      end = match_url(d, i);
      if (end > i) add(Entity::Kind::url, i, end, 0);
    } else if (c == '#') {
      end = match_hashtag(d, i);
      if (end > i) add(Entity::Kind::hashtag, i, end, 1);
    } else if (c == '@') {
      end = match_mention(d, i);
      if (end > i) add(Entity::Kind::mention, i, end, 1);
    }
    i = end > i ? end : i + 1;
  }
  return out;
}

}  // namespace agora::text
