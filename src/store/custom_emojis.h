// Custom emoji. For local emoji, CustomEmoji::image_url and static_url hold
// the stored file's key; entities::custom_emoji turns keys into URLs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/tag.h"
#include "store/database.h"

namespace agora::store::custom_emojis {

// Local, enabled emoji with these shortcodes (unknown ones are skipped), by
// shortcode. For attaching `emojis` to statuses, accounts and announcements.
std::vector<model::CustomEmoji> find_local_by_shortcodes(Connection& c, const std::vector<std::string>& shortcodes);
// Local, enabled emoji shown in the picker (GET /api/v1/custom_emojis), by shortcode.
std::vector<model::CustomEmoji> listed(Connection& c);
// Every local emoji, disabled ones too (for the CLI).
struct LocalEmoji {
  model::CustomEmoji emoji;
  bool disabled = false;
};
std::vector<LocalEmoji> all_local(Connection& c);
std::optional<model::CustomEmoji> find_local(Connection& c, const std::string& shortcode);

// Throws UniqueViolation when the shortcode is taken.
void insert_local(Connection& c, int64_t id, const std::string& shortcode, const std::string& image_key,
                  const std::string& content_type, const std::string& category, int64_t now);
// Removes the row; returns its image key, or nullopt when there was none.
std::optional<std::string> remove_local(Connection& c, const std::string& shortcode);

}  // namespace agora::store::custom_emojis
