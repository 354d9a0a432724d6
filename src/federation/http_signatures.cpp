#include "federation/http_signatures.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/crypto.h"
#include "core/strings.h"
#include "core/time.h"
#include "federation/digest.h"
#include "federation/signature_algorithms.h"
#include "federation/url.h"

namespace agora::federation {

namespace {

// Mastodon's window (SignedRequest): a signature lives 5 minutes past its
// creation unless it says otherwise, at most 12 hours, with an hour of
// clock skew either way.
constexpr int64_t kDefaultLifetime = 5 * 60;
constexpr int64_t kExpirationWindowLimit = 12 * 3600;
constexpr int64_t kClockSkewMargin = 3600;

constexpr std::string_view kOutsideWindow = "Signed request date outside acceptable time window";

bool within_window(int64_t created, std::optional<int64_t> expires, int64_t now) {
  int64_t until = std::min(expires.value_or(created + kDefaultLifetime), created + kExpirationWindowLimit);
  return created <= now + kClockSkewMargin && now <= until + kClockSkewMargin;
}

bool covers(const SignatureClaim& claim, std::string_view name) {
  return std::find(claim.covered.begin(), claim.covered.end(), name) != claim.covered.end();
}

std::string lower_method(std::string_view method) { return ascii_lower(method); }

// ---- Signing

HeaderList sign_cavage(const SigningKey& key, Algorithm algorithm, std::string_view method, const HttpUrl& url,
                       HeaderList headers, const SignOptions& options) {
  std::vector<std::string> names = {"(request-target)"};
  std::string signing_string = fmt::format("(request-target): {} {}", lower_method(method), url.target);
  auto add = [&](const std::string& name, const std::string& value) {
    names.push_back(ascii_lower(name));
    signing_string += fmt::format("\n{}: {}", ascii_lower(name), value);
  };
  for (const auto& [name, value] : headers) add(name, value);
  for (const auto& [name, value] : options.also_signed) add(name, value);
  std::string signature = crypto::base64(sign_bytes(algorithm, key.private_pem, signing_string));
  // Every RSA verifier knows "rsa-sha256"; other key types need hs2019.
  std::string_view algorithm_param = algorithm == Algorithm::rsa_v1_5_sha256 ? "rsa-sha256" : "hs2019";
  std::string joined;
  for (const auto& n : names) joined += (joined.empty() ? "" : " ") + n;
  headers.emplace_back("Signature", fmt::format(R"(keyId="{}",algorithm="{}",headers="{}",signature="{}")",
                                                key.key_id, algorithm_param, joined, signature));
  return headers;
}

HeaderList sign_rfc9421(const SigningKey& key, Algorithm algorithm, std::string_view method, const HttpUrl& url,
                        HeaderList headers, int64_t now_ms, const SignOptions& options) {
  SignatureClaim claim;
  claim.style = SignatureStyle::rfc9421;
  sf::InnerList list;
  auto component = [&](std::string name) { list.items.push_back(sf::Item{std::move(name), {}}); };
  component("@method");
  component("@target-uri");
  http::Request request;  // what the receiver will see
  request.method = std::string(method);
  request.target = url.target;
  for (const auto& [name, value] : headers) {
    request.headers.add(name, value);
    if (http::iequals(name, "content-digest")) component("content-digest");
  }
  for (const auto& [name, value] : options.also_signed) {
    request.headers.add(name, value);
    component(ascii_lower(name));
  }
  list.params = {{"created", now_ms / 1000}, {"keyid", key.key_id}, {"alg", std::string(algorithm_name(algorithm))}};
  claim.components = list.items;
  claim.signature_params = sf::serialize(list);
  std::string error;
  auto base = rfc9421_signature_base(claim, request, url.scheme, error);
  if (!base) throw std::runtime_error(error);
  std::string signature = sign_bytes(algorithm, key.private_pem, *base);
  headers.emplace_back("Signature-Input", "sig1=" + claim.signature_params);
  headers.emplace_back("Signature", "sig1=:" + crypto::base64(signature) + ":");
  return headers;
}

Algorithm signing_algorithm(const SigningKey& key) {
  auto algorithm = signing_algorithm_for(key.private_pem);
  if (!algorithm) throw std::runtime_error("unusable private key for " + key.key_id);
  return *algorithm;
}

// ---- Parsing

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<int64_t> parse_seconds(std::string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// keyId="…",algorithm="…",headers="…",signature="…" with tokens or quoted
// strings as values and optional whitespace around '=' and ','.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_cavage_params(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> params;
  size_t p = 0;
  auto skip_ws = [&] {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
  };
  auto is_tchar = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           std::string_view("!#$%&'*+.^_`|~-").find(c) != std::string_view::npos;
  };
  skip_ws();
  while (true) {
    size_t start = p;
    while (p < s.size() && is_tchar(s[p])) ++p;
    if (p == start) return std::nullopt;
    std::string key(s.substr(start, p - start));
    skip_ws();
    if (p >= s.size() || s[p] != '=') return std::nullopt;
    ++p;
    skip_ws();
    std::string value;
    if (p < s.size() && s[p] == '"') {
      ++p;
      while (p < s.size() && s[p] != '"') {
        if (s[p] == '\\' && p + 1 < s.size()) ++p;
        value += s[p++];
      }
      if (p >= s.size()) return std::nullopt;
      ++p;
    } else {
      size_t vstart = p;
      while (p < s.size() && is_tchar(s[p])) ++p;
      if (p == vstart) return std::nullopt;
      value = s.substr(vstart, p - vstart);
    }
    // A repeated parameter would make the claim ambiguous.
    if (std::any_of(params.begin(), params.end(), [&](const auto& kv) { return kv.first == key; }))
      return std::nullopt;
    params.emplace_back(std::move(key), std::move(value));
    skip_ws();
    if (p == s.size()) return params;
    if (s[p] != ',') return std::nullopt;
    ++p;
    skip_ws();
  }
}

ParsedSignature parse_cavage(std::string_view header) {
  ParsedSignature out;
  // Old node-http-signature versions prefix the header's value with "Signature ".
  if (header.size() > 10 && http::iequals(header.substr(0, 10), "signature ")) header.remove_prefix(10);
  auto params = parse_cavage_params(trim(header));
  if (!params) {
    out.error = "Error parsing signature parameters";
    return out;
  }
  auto get = [&](std::string_view key) -> std::optional<std::string> {
    for (const auto& [k, v] : *params)
      if (k == key) return v;
    return std::nullopt;
  };
  SignatureClaim claim;
  claim.style = SignatureStyle::cavage;
  claim.key_id = get("keyId").value_or("");
  std::string signature = get("signature").value_or("");
  if (claim.key_id.empty() || signature.empty()) {
    out.error = "Incompatible request signature. keyId and signature are required";
    return out;
  }
  auto decoded = crypto::base64_decode(signature);
  if (!decoded) {
    out.error = "Error parsing signature parameters: the signature is not Base64";
    return out;
  }
  claim.signature = std::move(*decoded);
  claim.algorithm = get("algorithm").value_or("hs2019");
  std::string covered = ascii_lower(get("headers").value_or(claim.algorithm == "hs2019" ? "(created)" : "date"));
  size_t pos = 0;
  while (pos < covered.size()) {
    size_t end = covered.find_first_of(" \t", pos);
    if (end == std::string::npos) end = covered.size();
    if (end > pos) claim.covered.push_back(covered.substr(pos, end - pos));
    pos = end + 1;
  }
  for (auto [name, field] : {std::pair{"created", &claim.created}, std::pair{"expires", &claim.expires}}) {
    auto value = get(name);
    if (!value) continue;
    // Some implementations send fractional seconds; the integer part is what counts.
    std::string_view text = *value;
    text = text.substr(0, text.find('.'));
    *field = parse_seconds(text);
    if (!*field) {
      out.error = fmt::format("Invalid {} parameter: \"{}\"", name, *value);
      return out;
    }
  }
  out.claim = std::move(claim);
  return out;
}

ParsedSignature parse_rfc9421(std::string_view input_header, std::optional<std::string_view> signature_header) {
  ParsedSignature out;
  auto inputs = sf::parse_dictionary(input_header);
  if (!inputs || inputs->empty()) {
    out.error = "Error parsing Signature-Input header";
    return out;
  }
  if (inputs->size() > 1) {
    out.error = "Only a single signature is supported";
    return out;
  }
  const auto& [label, member] = inputs->front();
  const auto* list = std::get_if<sf::InnerList>(&member);
  if (!list) {
    out.error = "Error parsing Signature-Input header";
    return out;
  }
  auto signatures = signature_header ? sf::parse_dictionary(*signature_header) : std::nullopt;
  if (!signatures) {
    out.error = "Error parsing Signature header";
    return out;
  }
  const auto* sig_member = sf::find(*signatures, label);
  const auto* sig_item = sig_member ? std::get_if<sf::Item>(sig_member) : nullptr;
  const auto* sig_bytes = sig_item ? std::get_if<sf::ByteSequence>(&sig_item->value) : nullptr;
  if (!sig_bytes) {
    out.error = fmt::format("Signature header has no signature labelled {}", label);
    return out;
  }
  SignatureClaim claim;
  claim.style = SignatureStyle::rfc9421;
  claim.label = label;
  claim.signature = sig_bytes->bytes;
  for (const auto& item : list->items) {
    const auto* name = std::get_if<std::string>(&item.value);
    if (!name || name->empty() || ascii_lower(*name) != *name) {
      out.error = "Error parsing Signature-Input header: component identifiers are lower-case strings";
      return out;
    }
    for (const auto& [param, value] : item.params) {
      if (!(*name == "@query-param" && param == "name")) {
        out.error = fmt::format("Unsupported component parameter {} on {}", param, *name);
        return out;
      }
    }
    std::string serialized = sf::serialize(item);
    if (std::any_of(claim.components.begin(), claim.components.end(),
                    [&](const sf::Item& other) { return sf::serialize(other) == serialized; })) {
      out.error = fmt::format("Component {} is signed twice", serialized);
      return out;
    }
    claim.covered.push_back(*name);
    claim.components.push_back(item);
  }
  auto string_param = [&](std::string_view key) -> std::string {
    const auto* v = sf::find(list->params, key);
    const auto* s = v ? std::get_if<std::string>(v) : nullptr;
    return s ? *s : std::string();
  };
  auto int_param = [&](std::string_view key) -> std::optional<int64_t> {
    const auto* v = sf::find(list->params, key);
    const auto* i = v ? std::get_if<int64_t>(v) : nullptr;
    return i ? std::optional<int64_t>(*i) : std::nullopt;
  };
  claim.key_id = string_param("keyid");
  claim.algorithm = string_param("alg");
  claim.created = int_param("created");
  claim.expires = int_param("expires");
  if (claim.key_id.empty() || !claim.created) {
    out.error = "Incompatible request signature. keyid and created are required";
    return out;
  }
  claim.signature_params = sf::serialize(*list);
  out.claim = std::move(claim);
  return out;
}

// ---- Rules

std::optional<std::string> check_cavage(const SignatureClaim& claim, const http::Request& request, int64_t now) {
  const bool hs2019 = claim.algorithm == "hs2019";
  if (claim.algorithm != "rsa-sha256" && !hs2019)
    return "Unsupported signature algorithm (only rsa-sha256 and hs2019 are supported)";
  // Only signed times count: an unsigned `created` could be forged to replay an old request.
  bool created_signed = covers(claim, "(created)"), expires_signed = covers(claim, "(expires)");
  for (auto [signed_, pseudo, value] : {std::tuple{created_signed, "(created)", &claim.created},
                                        std::tuple{expires_signed, "(expires)", &claim.expires}}) {
    if (!signed_) continue;
    if (!hs2019) return fmt::format("Invalid pseudo-header {} for rsa-sha256", pseudo);
    if (!*value) return fmt::format("Pseudo-header {} used but corresponding argument missing", pseudo);
  }
  std::optional<int64_t> expires = expires_signed ? claim.expires : std::nullopt;
  if (created_signed && !within_window(*claim.created, expires, now)) return std::string(kOutsideWindow);
  if (covers(claim, "date")) {
    auto date = request.headers.get("date");
    if (!date) return "Date header missing";
    auto sent = parse_http_date(*date);
    if (!sent) return fmt::format("Invalid Date header: not RFC 2616 compliant date: \"{}\"", *date);
    if (!within_window(*sent / 1000, expires, now)) return std::string(kOutsideWindow);
  }
  if (!covers(claim, "date") && !created_signed)
    return "Mastodon requires the Date header or (created) pseudo-header to be signed";
  if (!covers(claim, "(request-target)") && !covers(claim, "digest"))
    return "Mastodon requires the Digest header or (request-target) pseudo-header to be signed";
  if ((request.method == "GET" || request.method == "HEAD") && !covers(claim, "host"))
    return "Mastodon requires the Host header to be signed when doing a GET request";
  if (request.method == "POST" && !covers(claim, "digest"))
    return "Mastodon requires the Digest header to be signed when doing a POST request";
  if (covers(claim, "digest")) {
    auto digest = request.headers.get("digest");
    if (!digest) return "Digest header missing";
    return check_digest(*digest, request.body);
  }
  return std::nullopt;
}

std::optional<std::string> check_rfc9421(const SignatureClaim& claim, const http::Request& request, int64_t now) {
  if (!claim.algorithm.empty() && !algorithm_named(claim.algorithm))
    return fmt::format("Unsupported signature algorithm {}", claim.algorithm);
  if (!claim.created) return "Mastodon requires the (created) parameter to be signed";
  if (!within_window(*claim.created, claim.expires, now)) return std::string(kOutsideWindow);
  if (!covers(claim, "@method") || !covers(claim, "@target-uri"))
    return "Mastodon requires the @method and @target-uri derived components to be signed";
  if (request.method == "POST" && !covers(claim, "content-digest"))
    return "Mastodon requires the Content-Digest header to be signed when doing a POST request";
  if (covers(claim, "content-digest")) {
    auto digest = request.headers.get("content-digest");
    if (!digest) return "Content-Digest header missing";
    return check_content_digest(*digest, request.body);
  }
  return std::nullopt;
}

// Which algorithm checks the signature: the sender's named one must fit the
// key; without a name (hs2019, RFC 9421 without alg) the key's type decides.
std::variant<Algorithm, std::string> choose_algorithm(const SignatureClaim& claim, std::string_view public_pem) {
  std::optional<Algorithm> algorithm;
  if (claim.algorithm == "rsa-sha256") algorithm = Algorithm::rsa_v1_5_sha256;
  else if (claim.style == SignatureStyle::rfc9421 && !claim.algorithm.empty())
    algorithm = algorithm_named(claim.algorithm);  // check_rfc9421 refused unknown names
  if (!algorithm) {
    algorithm = default_algorithm_for(public_pem);
    if (!algorithm) return fmt::format("Unsupported or unreadable public key for key {}", claim.key_id);
  }
  if (!key_fits(public_pem, *algorithm))
    return fmt::format("The public key for key {} cannot verify {} signatures", claim.key_id,
                       algorithm_name(*algorithm));
  return *algorithm;
}

}  // namespace

HeaderList sign_request(const SigningKey& key, std::string_view method, std::string_view url_text,
                        std::string_view body, int64_t now_ms, const SignOptions& options) {
  auto url = parse_http_url(url_text);
  if (!url) throw std::invalid_argument("not an absolute http(s) URL: " + std::string(url_text));
  Algorithm algorithm = signing_algorithm(key);
  HeaderList headers = {{"Host", url->authority()}, {"Date", format_http_date(now_ms)}};
  const bool has_body = !body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  if (options.style == SignatureStyle::cavage) {
    if (has_body) headers.emplace_back("Digest", digest_header(body));
    return sign_cavage(key, algorithm, method, *url, std::move(headers), options);
  }
  if (has_body) headers.emplace_back("Content-Digest", content_digest_header(body));
  return sign_rfc9421(key, algorithm, method, *url, std::move(headers), now_ms, options);
}

ParsedSignature parse_signature(const http::Request& request) {
  if (auto input = request.headers.get("signature-input"))
    return parse_rfc9421(*input, request.headers.get("signature"));
  if (auto signature = request.headers.get("signature")) return parse_cavage(*signature);
  if (auto authorization = request.headers.get("authorization");
      authorization && authorization->size() > 10 && http::iequals(authorization->substr(0, 10), "signature "))
    return parse_cavage(authorization->substr(10));
  return {std::nullopt, "Request not signed"};
}

std::optional<std::string> check_signed_request(const SignatureClaim& claim, const http::Request& request,
                                                int64_t now_ms, const VerifyOptions& options) {
  int64_t now = now_ms / 1000;
  return claim.style == SignatureStyle::cavage ? check_cavage(claim, request, now) : check_rfc9421(claim, request, now);
}

VerifyResult verify_signature(const SignatureClaim& claim, const http::Request& request,
                              std::string_view public_key_pem, int64_t now_ms, const VerifyOptions& options) {
  if (auto reason = check_signed_request(claim, request, now_ms, options)) return {VerifyStatus::rejected, *reason};
  auto chosen = choose_algorithm(claim, public_key_pem);
  if (auto* reason = std::get_if<std::string>(&chosen)) return {VerifyStatus::bad_signature, *reason};
  Algorithm algorithm = std::get<Algorithm>(chosen);
  if (claim.style == SignatureStyle::cavage) {
    if (verify_bytes(algorithm, public_key_pem, cavage_signing_string(claim, request, true), claim.signature) ||
        verify_bytes(algorithm, public_key_pem, cavage_signing_string(claim, request, false), claim.signature))
      return {VerifyStatus::verified, ""};
  } else {
    std::string error;
    auto base = rfc9421_signature_base(claim, request, options.scheme, error);
    if (!base) return {VerifyStatus::rejected, error};
    if (verify_bytes(algorithm, public_key_pem, *base, claim.signature)) return {VerifyStatus::verified, ""};
  }
  return {VerifyStatus::bad_signature,
          fmt::format("Verification failed for key {} using {}", claim.key_id, algorithm_name(algorithm))};
}

}  // namespace agora::federation
