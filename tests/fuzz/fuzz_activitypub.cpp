// Documents from other servers: JSON-LD parsed tolerantly into actors, objects, activities,
// tags and WebFinger answers. Nothing may throw: bad documents come back as parse errors.
#include <cstdint>
#include <string_view>

#include "activitypub/parse_json_ld.h"
#include "activitypub/parse_vocabulary.h"

using namespace agora::activitypub;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = parse_document(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  const auto& o = *doc;
  (void)document_kind(o);
  (void)parse_actor(o);
  (void)parse_object(o);
  (void)parse_activity(o);
  (void)parse_webfinger(o);
  (void)parse_tags(o);
  return 0;
}
