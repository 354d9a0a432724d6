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
// The image key of the local emoji `shortcode` (disabled ones too); nullopt when there is none.
std::optional<std::string> local_image_key(Connection& c, const std::string& shortcode);
// An imported image, category and picker visibility for an existing local emoji (`agora emoji import --overwrite`).
void replace_local(Connection& c, const std::string& shortcode, const std::string& image_key,
                   const std::string& content_type, const std::string& category, bool visible_in_picker, int64_t now);
void set_visible_in_picker(Connection& c, const std::string& shortcode, bool visible, int64_t now);

// Remote emoji, remembered from the posts of other servers (domain set).
struct RemoteEmoji {
  int64_t id = 0;
  std::string shortcode, domain, image_remote_url, image_key;  // image_key empty until cached
};
std::optional<RemoteEmoji> find_remote(Connection& c, const std::string& shortcode, const std::string& domain);
std::optional<RemoteEmoji> find_remote_by_id(Connection& c, int64_t id);
void insert_remote(Connection& c, int64_t id, const RemoteEmoji& e, const std::string& uri, int64_t now);
// A new image URL: the cached file stays shown until the new one is cached.
void set_remote_url(Connection& c, int64_t id, const std::string& uri, const std::string& image_remote_url, int64_t now);
// Records the cached file when the emoji still points at `image_remote_url`; returns the key it replaces
// ("" for none), or nullopt when the URL changed meanwhile (the new file is then not recorded).
std::optional<std::string> set_remote_image(Connection& c, int64_t id, const std::string& image_remote_url,
                                            const std::string& key, const std::string& content_type, int64_t now);
// Enabled remote emoji of `domain` with these shortcodes whose image is cached (image_url holds its key).
std::vector<model::CustomEmoji> find_cached_remote(Connection& c, const std::string& domain,
                                                   const std::vector<std::string>& shortcodes);

}  // namespace agora::store::custom_emojis
