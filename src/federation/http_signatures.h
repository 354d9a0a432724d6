// HTTP signatures between servers, as Mastodon speaks them: the legacy
// draft-cavage `Signature` header every fediverse server understands, and
// RFC 9421 HTTP Message Signatures (`Signature-Input` + `Signature`).
//
// Incoming: parse_signature() → a claim naming the key (the caller fetches
// it) → verify_signature(). check_signed_request() applies Mastodon's rules
// without the key, so a caller can refuse a bad request before fetching one.
// Failure reasons are stable, human-readable strings for 401 bodies and logs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "federation/structured_fields.h"
#include "http/request.h"

namespace agora::federation {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

enum class SignatureStyle { cavage, rfc9421 };

// ---- Signing outgoing requests

struct SigningKey {
  std::string key_id;  // "https://example.org/users/alice#main-key"
  std::string private_pem;
};

struct SignOptions {
  SignatureStyle style = SignatureStyle::cavage;
  // Headers the caller sends and wants covered too, in this order after the
  // required ones (Mastodon covers Accept on its GETs).
  HeaderList also_signed;
};

// The headers to add to a request to `url` (absolute http(s)): Host, Date
// (IMF-fixdate), Digest (cavage) or Content-Digest (RFC 9421) for a POST or
// any body, and Signature (+ Signature-Input). Cavage covers
// "(request-target) host date [digest]"; RFC 9421 covers
// ("@method" "@target-uri" ["content-digest"]) with created, keyid and alg.
// Throws std::invalid_argument for a bad URL, std::runtime_error for an
// unusable key.
HeaderList sign_request(const SigningKey& key, std::string_view method, std::string_view url,
                        std::string_view body, int64_t now_ms, const SignOptions& options = {});

// ---- Verifying incoming requests

struct SignatureClaim {
  SignatureStyle style = SignatureStyle::cavage;
  std::string key_id;
  std::string algorithm;  // as the sender named it: "rsa-sha256", "hs2019", an RFC 9421 alg, or empty
  // Cavage: the lower-cased `headers` entries. RFC 9421: the component
  // identifiers, serialized ("@method", "\"@query-param\";name=\"a\"" is
  // "@query-param" here, with its parameters in `components`).
  std::vector<std::string> covered;
  std::string signature;  // decoded bytes
  std::optional<int64_t> created, expires;  // seconds since the epoch

  // RFC 9421 only.
  std::string label;
  std::vector<sf::Item> components;
  std::string signature_params;  // the serialized value of "@signature-params"
};

struct ParsedSignature {
  std::optional<SignatureClaim> claim;
  std::string error;  // when there is no claim: "Request not signed", …
};
// Reads `Signature-Input`/`Signature` (RFC 9421) when Signature-Input is
// present, else the cavage `Signature` header or `Authorization: Signature …`.
ParsedSignature parse_signature(const http::Request& request);

struct VerifyOptions {
  // The scheme clients used to reach us (RFC 9421's @target-uri and @scheme):
  // Config::scheme(), since TLS usually ends at a proxy.
  std::string scheme = "https";
};

// Mastodon's rules short of the key: a supported algorithm, a signed date
// within the window, enough covered (request target, date, Host on GET,
// Digest on POST) and a matching body digest. Returns the reason to refuse,
// or nullopt.
std::optional<std::string> check_signed_request(const SignatureClaim& claim, const http::Request& request,
                                                int64_t now_ms, const VerifyOptions& options = {});

enum class VerifyStatus {
  verified,
  rejected,       // the request breaks a rule: no key can make it valid
  bad_signature,  // the signature does not match this key: refetch the key (it may have rotated) and retry once
};
struct VerifyResult {
  VerifyStatus status = VerifyStatus::rejected;
  std::string reason;  // empty when verified
  bool ok() const { return status == VerifyStatus::verified; }
};
// check_signed_request() and then the signature itself against the sender's key.
VerifyResult verify_signature(const SignatureClaim& claim, const http::Request& request,
                              std::string_view public_key_pem, int64_t now_ms, const VerifyOptions& options = {});

// ---- What the signature covers (exposed for tests)

// The draft-cavage signing string; `with_query` false omits the query from
// (request-target), as older Mastodon versions signed (accepted as a fallback).
std::string cavage_signing_string(const SignatureClaim& claim, const http::Request& request, bool with_query = true);
// The RFC 9421 signature base, or nullopt with `error` set for a component
// the request lacks or that agora does not support.
std::optional<std::string> rfc9421_signature_base(const SignatureClaim& claim, const http::Request& request,
                                                  std::string_view scheme, std::string& error);

}  // namespace agora::federation
