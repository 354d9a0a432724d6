// Lists members make of accounts they follow, and where they stopped reading.
#pragma once
#include <cstdint>
#include <string>

namespace agora::model {

struct List {
  int64_t id = 0;
  int64_t account_id = 0;  // the owner
  std::string title;
  std::string replies_policy = "list";  // followed, list, none
  bool exclusive = false;               // its members' posts stay out of the home timeline
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A timeline position a member's apps share (Mastodon's markers).
struct Marker {
  std::string timeline;  // home, notifications
  int64_t last_read_id = 0;
  int64_t version = 0;  // raised on every change, as Rails' lock_version
  int64_t updated_at = 0;
};

}  // namespace agora::model
