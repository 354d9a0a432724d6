#include "entities/custom_emoji.h"

namespace agora::entities {

boost::json::object custom_emoji(const model::CustomEmoji& e, const RenderContext& rc, bool with_category) {
  boost::json::object out({{"shortcode", e.shortcode},
                           {"url", rc.file_or_url(e.image_url)},
                           {"static_url", rc.file_or_url(e.static_url)},
                           {"visible_in_picker", e.visible_in_picker}},
                          rc.storage);
  if (with_category && !e.category.empty()) out["category"] = e.category;
  return out;
}

}  // namespace agora::entities
