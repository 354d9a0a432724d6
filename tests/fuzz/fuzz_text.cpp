// Text from outside: remote HTML through the sanitizer, and what members type through the
// formatter that links mentions, hashtags and URLs: no crash, no memory error, no undefined behaviour.
#include <cstdint>
#include <string_view>

#include "text/entities.h"
#include "text/hashtags.h"
#include "text/plain_text.h"
#include "text/sanitize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  // Sanitizing its own output must hold up too (that output is what pages and clients parse).
  // It is not required to be a fixed point: trees the HTML parser builds from misnested markup
  // (a <p> the adoption agency moves inside <a>) do not always serialize back to themselves.
  (void)agora::text::sanitize_remote_html(agora::text::sanitize_remote_html(in));
  agora::text::FormatOptions options;
  options.base_url = "https://example.org";
  options.resolve_mention = [](std::string_view user, std::string_view domain) {
    return std::optional<agora::text::MentionTarget>(
        agora::text::MentionTarget{"https://example.org/@" + std::string(user), std::string(user) + "@" + std::string(domain)});
  };
  (void)agora::text::format_plain_text(in, options);
  options.multiline = false;
  options.rel_me = true;
  (void)agora::text::format_plain_text(in, options);
  (void)agora::text::extract_entities(in);
  if (agora::text::valid_hashtag_name(in)) (void)agora::text::normalize_hashtag(in);
  return 0;
}
