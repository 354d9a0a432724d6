// Hashtags and custom emoji as stored.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agora::model {

struct Tag {
  int64_t id = 0;
  std::string name;          // normalised (lower case), as stored and matched
  std::string display_name;  // as first typed
  bool usable = true;
  std::optional<bool> trendable;
  std::optional<bool> listable;
  std::optional<int64_t> last_status_at;
  int64_t created_at = 0;
};

// One UTC day of a tag's use, for the Tag entity's history.
struct TagDay {
  int64_t day = 0;  // the day's start, ms since the epoch
  int64_t uses = 0;
  int64_t accounts = 0;
};

// What the Tag entity renders: the tag, its last days (newest first) and,
// for a signed-in viewer, whether they follow it.
struct TagView {
  Tag tag;
  std::vector<TagDay> history;
  std::optional<bool> following;
};

struct CustomEmoji {
  int64_t id = 0;
  std::string shortcode;
  std::string domain;  // empty for local emoji
  std::string image_url;   // resolved for rendering (local file or remote URL)
  std::string static_url;
  std::string category;
  bool visible_in_picker = true;
};

}  // namespace agora::model
