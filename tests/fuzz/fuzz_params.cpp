// Request parameters as a client sends them: the query string and a body that is JSON, a form or
// multipart (the first input byte picks which). Only agora::Error (a 4xx) may come out.
#include <cstdint>
#include <string_view>

#include "core/errors.h"
#include "http/params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kTypes[] = {"application/json", "application/x-www-form-urlencoded",
                                                "multipart/form-data; boundary=XyZ", "application/activity+json"};
  std::string_view content_type = kTypes[data[0] % 4];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t split = rest.find('\n');
  std::string_view query = split == std::string_view::npos ? std::string_view() : rest.substr(0, split);
  std::string_view body = split == std::string_view::npos ? rest : rest.substr(split + 1);
  std::vector<agora::http::UploadedFile> uploads;
  try {
    auto params = agora::http::parse_params(query, content_type, body, &uploads);
    (void)agora::http::param_list(params, "media_ids");
    (void)agora::http::param_string(params, "status");
  } catch (const agora::Error&) {
  }
  return 0;
}
