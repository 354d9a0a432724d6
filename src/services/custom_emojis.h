// The instance's own custom emoji: listing them for clients, and adding and
// removing them (operators, from the CLI).
#pragma once
#include <string>
#include <vector>

#include "model/tag.h"
#include "services/context.h"

namespace agora::services::custom_emojis {

// Mastodon's limit for local emoji images.
constexpr size_t kMaxImageBytes = 256 * 1024;

// Enabled emoji shown in the picker, by shortcode.
std::vector<model::CustomEmoji> listed(Context& ctx);

// Stores the image (PNG, GIF or WebP by its bytes, at most 256 KB) and the
// emoji. Throws Error 422 with Mastodon's message for a bad shortcode, a
// taken shortcode, or an unacceptable image.
model::CustomEmoji add(Context& ctx, const std::string& shortcode, const std::string& image_bytes,
                       const std::string& category);
// One image of `agora emoji import` (tootctl emoji import): checked as `add`
// does (422); an existing emoji with the shortcode is left alone unless
// `overwrite`, which replaces its image, category and picker visibility.
struct ImportOptions {
  std::string category;
  bool visible_in_picker = true;
  bool overwrite = false;
};
enum class Imported { added, replaced, skipped };
Imported import(Context& ctx, const std::string& shortcode, const std::string& image_bytes,
                const ImportOptions& options);

// Removes the emoji and its image; throws 404 when there is none.
void remove(Context& ctx, const std::string& shortcode);

}  // namespace agora::services::custom_emojis
