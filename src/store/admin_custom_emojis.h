// Custom emoji as staff see them (Mastodon's Admin::CustomEmojisController
// and CustomEmojiFilter): local and remote rows with their flags.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::admin_custom_emojis {

struct Emoji {
  int64_t id = 0;
  std::string shortcode;
  std::string domain;             // empty for local emoji
  std::string uri;
  std::string image_key;          // empty for a remote emoji not cached yet
  std::string image_remote_url;
  std::string content_type;
  std::string category;
  bool visible_in_picker = true;
  bool disabled = false;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Filter {
  bool local_only = false;
  bool remote_only = false;
  std::string domain;     // exact, remote emoji of that server
  std::string shortcode;  // a part of the shortcode, case-insensitive
};

// Newest first, paged by id.
std::vector<Emoji> list(Connection& c, const Filter& f, const model::PageRequest& page);
std::optional<Emoji> find(Connection& c, int64_t id);

struct Changes {
  std::optional<bool> disabled, visible_in_picker;
  std::optional<std::string> category;  // "" clears it
};
void update(Connection& c, int64_t id, const Changes& changes, int64_t now);
void remove(Connection& c, int64_t id);

}  // namespace agora::store::admin_custom_emojis
