// Uploaded bytes whose type is decided by their content, and Range headers for stored files.
#include <cstdint>
#include <string_view>

#include "http/byte_range.h"
#include "media/content_type.h"
#include "media/image_type.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)agora::media::sniff_content_type(in);
  (void)agora::media::sniff_image(in);
  auto range = agora::http::parse_range(in.substr(0, 200), size * 7 + 1);
  (void)range;
  return 0;
}
