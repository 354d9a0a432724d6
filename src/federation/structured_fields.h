// The subset of RFC 8941 Structured Field Values that HTTP Message
// Signatures (RFC 9421) and Content-Digest (RFC 9530) need: dictionaries
// whose members are items or inner lists, with parameters, and the canonical
// serialization a signature base is built from.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace agora::federation::sf {

struct Token {
  std::string value;
  bool operator==(const Token&) const = default;
};
struct ByteSequence {
  std::string bytes;  // decoded
  bool operator==(const ByteSequence&) const = default;
};
struct Decimal {
  int64_t thousandths = 0;  // RFC 8941 decimals have at most three fractional digits
  bool operator==(const Decimal&) const = default;
};
// integer, decimal, string, token, byte sequence, boolean
using BareItem = std::variant<int64_t, Decimal, std::string, Token, ByteSequence, bool>;
using Parameters = std::vector<std::pair<std::string, BareItem>>;

struct Item {
  BareItem value;
  Parameters params;
};
struct InnerList {
  std::vector<Item> items;
  Parameters params;
};
using Member = std::variant<Item, InnerList>;
using Dictionary = std::vector<std::pair<std::string, Member>>;

// nullopt when the text is not a valid dictionary.
std::optional<Dictionary> parse_dictionary(std::string_view text);
const Member* find(const Dictionary& dict, std::string_view key);
const BareItem* find(const Parameters& params, std::string_view key);

std::string serialize(const BareItem& item);
std::string serialize(const Parameters& params);
std::string serialize(const Item& item);
std::string serialize(const InnerList& list);

}  // namespace agora::federation::sf
