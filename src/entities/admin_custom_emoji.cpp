#include "entities/admin_custom_emoji.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

namespace json = boost::json;

json::object admin_custom_emoji(const store::admin_custom_emojis::Emoji& e, const RenderContext& rc) {
  auto or_null = [](const std::string& s) -> json::value { return s.empty() ? json::value(nullptr) : json::value(s); };
  // A remote emoji whose image is not cached yet is shown from its server.
  json::value url = e.image_key.empty() ? or_null(e.image_remote_url) : json::value(rc.file_or_url(e.image_key));
  return {{"id", std::to_string(e.id)},
          {"shortcode", e.shortcode},
          {"url", url},
          {"static_url", url},
          {"visible_in_picker", e.visible_in_picker},
          {"category", or_null(e.category)},
          {"domain", or_null(e.domain)},
          {"uri", or_null(e.uri)},
          {"image_remote_url", or_null(e.image_remote_url)},
          {"disabled", e.disabled},
          {"created_at", format_iso8601(e.created_at)},
          {"updated_at", format_iso8601(e.updated_at)}};
}

}  // namespace agora::entities
