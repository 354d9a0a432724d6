// Hashtags as the API shows them: usage history, whether the viewer follows
// them, and the tags members feature on their profiles.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/tag.h"

namespace agora::model {

// One day of a tag's use: statuses that used it and their distinct authors.
struct TagDay {
  int64_t day = 0;  // midnight UTC, in ms
  int64_t uses = 0;
  int64_t accounts = 0;
};

struct TagView {
  Tag tag;                       // id 0 for a valid name nobody has used yet
  std::vector<TagDay> history;   // newest day first
  std::optional<bool> following; // set when someone is signed in
};

struct FeaturedTag {
  int64_t id = 0;
  Tag tag;
  std::string account_username;  // for the profile link BASE/@username/tagged/name
  int64_t statuses_count = 0;
  std::optional<int64_t> last_status_at;
};

}  // namespace agora::model
