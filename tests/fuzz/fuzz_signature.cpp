// Signature headers of incoming requests: draft-cavage `Signature`, `Authorization: Signature`,
// and RFC 9421 `Signature-Input`/`Signature` (structured fields). The input is the header values
// separated by newlines.
#include <cstdint>
#include <string>
#include <string_view>

#include "federation/http_signatures.h"
#include "federation/structured_fields.h"
#include "http/request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view parts[3];
  for (auto& part : parts) {
    size_t nl = in.find('\n');
    part = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  }
  agora::http::Request request;
  request.method = "POST";
  request.target = request.path = "/inbox";
  request.headers.add("Host", "example.org");
  request.headers.add("Date", "Thu, 26 Nov 2026 12:00:00 GMT");
  if (!parts[0].empty()) request.headers.add("Signature", std::string(parts[0]));
  if (!parts[1].empty()) request.headers.add("Signature-Input", std::string(parts[1]));
  if (!parts[2].empty()) request.headers.add("Authorization", std::string(parts[2]));
  auto parsed = agora::federation::parse_signature(request);
  if (parsed.claim) {
    (void)agora::federation::cavage_signing_string(*parsed.claim, request);
    std::string error;
    (void)agora::federation::rfc9421_signature_base(*parsed.claim, request, "https", error);
  }
  (void)agora::federation::sf::parse_dictionary(parts[1]);
  return 0;
}
