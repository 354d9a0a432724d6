// Announcements from the instance's staff, as one member sees them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/tag.h"

namespace agora::model {

struct AnnouncementReaction {
  std::string name;                  // a unicode emoji or a local custom emoji's shortcode
  int64_t count = 0;
  bool me = false;
  std::optional<CustomEmoji> emoji;  // when the name is a custom emoji
};

struct Announcement {
  int64_t id = 0;
  std::string text;     // as written
  std::string content;  // rendered HTML
  bool published = false;
  bool all_day = false;
  std::optional<int64_t> starts_at, ends_at, published_at;
  std::optional<int64_t> scheduled_at;  // an unpublished one the job queue publishes then
  int64_t created_at = 0;
  int64_t updated_at = 0;
  bool read = false;  // dismissed by the viewer
  std::vector<AnnouncementReaction> reactions;
  std::vector<CustomEmoji> emojis;    // custom emoji used in the text
  std::vector<std::string> tag_names; // hashtags in the text, as typed
};

}  // namespace agora::model
