#include "federation/structured_fields.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/crypto.h"

namespace agora::federation::sf {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lcalpha(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_lcalpha(c) || (c >= 'A' && c <= 'Z'); }
// RFC 9110 tchar, plus ':' and '/' which sf-token allows after the first character.
bool is_tchar(char c) {
  return is_alpha(c) || is_digit(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A recursive-descent parser over RFC 8941 section 4.2; every method returns
// false (or nullopt) on invalid input.
class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::optional<Dictionary> dictionary() {
    skip_sp();
    Dictionary dict;
    while (!done()) {
      auto key = this->key();
      if (!key) return std::nullopt;
      Member member;
      if (peek() == '=') {
        ++p_;
        auto m = item_or_inner_list();
        if (!m) return std::nullopt;
        member = std::move(*m);
      } else {
        Item item{true, {}};
        if (!parameters(item.params)) return std::nullopt;
        member = std::move(item);
      }
      auto existing = std::find_if(dict.begin(), dict.end(), [&](const auto& kv) { return kv.first == *key; });
      if (existing != dict.end()) existing->second = std::move(member);
      else dict.emplace_back(std::move(*key), std::move(member));
      skip_ows();
      if (done()) return dict;
      if (peek() != ',') return std::nullopt;
      ++p_;
      skip_ows();
      if (done()) return std::nullopt;  // trailing comma
    }
    return dict;
  }

 private:
  bool done() const { return p_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[p_]; }
  void skip_sp() {
    while (peek() == ' ') ++p_;
  }
  void skip_ows() {
    while (peek() == ' ' || peek() == '\t') ++p_;
  }

  std::optional<std::string> key() {
    char c = peek();
    if (!is_lcalpha(c) && c != '*') return std::nullopt;
    size_t start = p_;
    while (!done() && (is_lcalpha(peek()) || is_digit(peek()) || std::string_view("_-.*").find(peek()) != std::string_view::npos))
      ++p_;
    return std::string(s_.substr(start, p_ - start));
  }

  std::optional<Member> item_or_inner_list() {
    if (peek() == '(') {
      InnerList list;
      if (!inner_list(list)) return std::nullopt;
      return list;
    }
    Item item;
    auto bare = bare_item();
    if (!bare) return std::nullopt;
    item.value = std::move(*bare);
    if (!parameters(item.params)) return std::nullopt;
    return item;
  }

  bool inner_list(InnerList& list) {
    ++p_;  // '('
    while (!done()) {
      skip_sp();
      if (peek() == ')') {
        ++p_;
        return parameters(list.params);
      }
      Item item;
      auto bare = bare_item();
      if (!bare) return false;
      item.value = std::move(*bare);
      if (!parameters(item.params)) return false;
      list.items.push_back(std::move(item));
      if (peek() != ' ' && peek() != ')') return false;
    }
    return false;
  }

  bool parameters(Parameters& params) {
    while (peek() == ';') {
      ++p_;
      skip_sp();
      auto key = this->key();
      if (!key) return false;
      BareItem value = true;
      if (peek() == '=') {
        ++p_;
        auto bare = bare_item();
        if (!bare) return false;
        value = std::move(*bare);
      }
      auto existing = std::find_if(params.begin(), params.end(), [&](const auto& kv) { return kv.first == *key; });
      if (existing != params.end()) existing->second = std::move(value);
      else params.emplace_back(std::move(*key), std::move(value));
    }
    return true;
  }

  std::optional<BareItem> bare_item() {
    char c = peek();
    if (c == '-' || is_digit(c)) return number();
    if (c == '"') return string();
    if (c == '*' || is_alpha(c)) return token();
    if (c == ':') return byte_sequence();
    if (c == '?') return boolean();
    return std::nullopt;
  }

  std::optional<BareItem> number() {
    bool negative = peek() == '-';
    if (negative) ++p_;
    if (!is_digit(peek())) return std::nullopt;
    int64_t integer = 0;
    int digits = 0;
    while (is_digit(peek())) {
      if (++digits > 15) return std::nullopt;
      integer = integer * 10 + (s_[p_++] - '0');
    }
    if (peek() != '.') return negative ? -integer : integer;
    if (digits > 12) return std::nullopt;
    ++p_;
    int64_t fraction = 0;
    int fraction_digits = 0;
    while (is_digit(peek())) {
      if (++fraction_digits > 3) return std::nullopt;
      fraction = fraction * 10 + (s_[p_++] - '0');
    }
    if (fraction_digits == 0) return std::nullopt;
    for (int i = fraction_digits; i < 3; ++i) fraction *= 10;
    int64_t value = integer * 1000 + fraction;
    return Decimal{negative ? -value : value};
  }

  std::optional<BareItem> string() {
    ++p_;  // '"'
    std::string out;
    while (!done()) {
      char c = s_[p_++];
      if (c == '\\') {
        if (done()) return std::nullopt;
        char next = s_[p_++];
        if (next != '"' && next != '\\') return std::nullopt;
        out += next;
      } else if (c == '"') {
        return out;
      } else if (c < 0x20 || c > 0x7e) {
        return std::nullopt;
      } else {
        out += c;
      }
    }
    return std::nullopt;
  }

  std::optional<BareItem> token() {
    size_t start = p_++;
    while (!done() && (is_tchar(peek()) || peek() == ':' || peek() == '/')) ++p_;
    return Token{std::string(s_.substr(start, p_ - start))};
  }

  std::optional<BareItem> byte_sequence() {
    ++p_;  // ':'
    size_t end = s_.find(':', p_);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view b64 = s_.substr(p_, end - p_);
    p_ = end + 1;
    if (b64.size() % 4 != 0) return std::nullopt;  // padding is required
    auto bytes = crypto::base64_decode(b64);
    if (!bytes) return std::nullopt;
    return ByteSequence{std::move(*bytes)};
  }

  std::optional<BareItem> boolean() {
    ++p_;  // '?'
    char c = peek();
    if (c != '0' && c != '1') return std::nullopt;
    ++p_;
    return c == '1';
  }

  std::string_view s_;
  size_t p_ = 0;
};

}  // namespace

std::optional<Dictionary> parse_dictionary(std::string_view text) {
  // Surrounding whitespace is not part of the field value.
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return Parser(text).dictionary();
}

const Member* find(const Dictionary& dict, std::string_view key) {
  for (const auto& [k, v] : dict)
    if (k == key) return &v;
  return nullptr;
}

const BareItem* find(const Parameters& params, std::string_view key) {
  for (const auto& [k, v] : params)
    if (k == key) return &v;
  return nullptr;
}

std::string serialize(const BareItem& item) {
  struct Visitor {
    std::string operator()(int64_t v) const { return std::to_string(v); }
    std::string operator()(const Decimal& d) const {
      int64_t abs = d.thousandths < 0 ? -d.thousandths : d.thousandths;
      std::string fraction = fmt::format("{:03}", abs % 1000);
      while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
      return fmt::format("{}{}.{}", d.thousandths < 0 ? "-" : "", abs / 1000, fraction);
    }
    std::string operator()(const std::string& s) const {
      std::string out = "\"";
      for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      return out + "\"";
    }
    std::string operator()(const Token& t) const { return t.value; }
    std::string operator()(const ByteSequence& b) const { return ":" + crypto::base64(b.bytes) + ":"; }
    std::string operator()(bool b) const { return b ? "?1" : "?0"; }
  };
  return std::visit(Visitor{}, item);
}

std::string serialize(const Parameters& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    out += ';';
    out += key;
    if (value != BareItem{true}) out += "=" + serialize(value);
  }
  return out;
}

std::string serialize(const Item& item) { return serialize(item.value) + serialize(item.params); }

std::string serialize(const InnerList& list) {
  std::string out = "(";
  for (size_t i = 0; i < list.items.size(); ++i) {
    if (i) out += ' ';
    out += serialize(list.items[i]);
  }
  return out + ")" + serialize(list.params);
}

}  // namespace agora::federation::sf
