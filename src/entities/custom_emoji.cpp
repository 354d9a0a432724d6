#include "entities/custom_emoji.h"

namespace agora::entities {

std::string custom_emoji_url(const model::CustomEmoji& e, const std::string& url_or_key, const RenderContext& rc) {
  // Stored files (local emoji, cached remote ones) are keys; anything else is already a URL.
  bool url = url_or_key.starts_with("https://") || url_or_key.starts_with("http://");
  return url ? url_or_key : rc.media_url(url_or_key);
}

boost::json::object custom_emoji(const model::CustomEmoji& e, const RenderContext& rc, bool with_category) {
  boost::json::object out{{"shortcode", e.shortcode},
                          {"url", custom_emoji_url(e, e.image_url, rc)},
                          {"static_url", custom_emoji_url(e, e.static_url, rc)},
                          {"visible_in_picker", e.visible_in_picker}};
  if (with_category && !e.category.empty()) out["category"] = e.category;
  return out;
}

}  // namespace agora::entities
