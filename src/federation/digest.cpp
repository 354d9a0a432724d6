#include "federation/digest.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

#include "core/crypto.h"
#include "core/strings.h"
#include "federation/structured_fields.h"

namespace agora::federation {

namespace {

struct Algorithm {
  std::string_view name;  // lower case, as both headers' registries spell it
  size_t size;
  std::string (*hash)(std::string_view);
  std::string_view label;  // for messages
};
constexpr Algorithm kAlgorithms[] = {
    {"sha-256", 32, crypto::sha256, "SHA-256"},
    {"sha-512", 64, crypto::sha512, "SHA-512"},
};

const Algorithm* find_algorithm(std::string_view name) {
  for (const auto& a : kAlgorithms)
    if (a.name == name) return &a;
  return nullptr;
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string unsupported(std::string_view header, const std::vector<std::string>& offered) {
  return fmt::format("Only SHA-256 and SHA-512 are supported in the {} header. Offered algorithms: {}", header,
                     fmt::join(offered, ", "));
}

// Strict base64 as Mastodon requires for digests: padded, nothing else.
std::optional<std::string> strict_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  return crypto::base64_decode(text);
}

}  // namespace

std::string digest_header(std::string_view body) { return "SHA-256=" + crypto::base64(crypto::sha256(body)); }

std::string content_digest_header(std::string_view body) {
  return "sha-256=:" + crypto::base64(crypto::sha256(body)) + ":";
}

std::optional<std::string> check_digest(std::string_view header, std::string_view body) {
  std::vector<std::string> offered;
  bool checked = false;
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t comma = header.find(',', pos);
    std::string_view part = trim_ows(header.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    pos = comma == std::string_view::npos ? header.size() + 1 : comma + 1;
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string name = ascii_lower(part.substr(0, eq));
    offered.push_back(name);
    const Algorithm* algorithm = find_algorithm(name);
    if (!algorithm) continue;
    std::string_view given = eq == std::string_view::npos ? std::string_view() : trim_ows(part.substr(eq + 1));
    std::string computed = crypto::base64(algorithm->hash(body));
    checked = true;
    if (given == computed) continue;
    auto raw = strict_base64(given);
    if (!raw)
      return fmt::format("Invalid Digest value. The provided Digest value is not a valid base64 string. Given digest: {}",
                         given);
    if (raw->size() != algorithm->size)
      return fmt::format("Invalid Digest value. The provided Digest value is not a {} digest. Given digest: {}",
                         algorithm->label, given);
    return fmt::format("Invalid Digest value. Computed {} digest: {}; given: {}", algorithm->label, computed, given);
  }
  if (!checked) return unsupported("Digest", offered);
  return std::nullopt;
}

std::optional<std::string> check_content_digest(std::string_view header, std::string_view body) {
  auto dict = sf::parse_dictionary(header);
  if (!dict) return "Content-Digest could not be parsed. It does not contain a valid RFC8941 dictionary.";
  std::vector<std::string> offered;
  bool checked = false;
  for (const auto& [name, member] : *dict) {
    offered.push_back(name);
    const Algorithm* algorithm = find_algorithm(name);
    if (!algorithm) continue;
    const auto* item = std::get_if<sf::Item>(&member);
    const auto* bytes = item ? std::get_if<sf::ByteSequence>(&item->value) : nullptr;
    if (!bytes) return "Content-Digest could not be parsed. It does not contain a valid RFC8941 dictionary.";
    checked = true;
    std::string computed = algorithm->hash(body);
    if (bytes->bytes != computed)
      return fmt::format("Invalid Digest value. Computed {} digest: {}; given: {}", algorithm->label,
                         crypto::base64(computed), crypto::base64(bytes->bytes));
  }
  if (!checked) return unsupported("Content-Digest", offered);
  return std::nullopt;
}

}  // namespace agora::federation
