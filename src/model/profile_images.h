// Avatars and headers as Mastodon keeps them: a GIF stays as it is (animated,
// the `avatar`/`header` URL) and a still PNG of its first frame beside it is
// what `avatar_static`/`header_static` show; other images are their own still.
// The still's key follows from the image's key, as Mastodon's original and
// static styles do: "…/original/NAME.gif" has its still at "…/static/NAME.png".
// GIFs stored before stills were made (no "original/" segment) show themselves.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace agora::model {

inline constexpr int64_t kAvatarPixels = 400 * 400;   // Mastodon's 400x400 avatar style, as a pixel count
inline constexpr int64_t kHeaderPixels = 1500 * 500;  // and its 1500x500 header style

// The key to store a profile image named `file_name` ("9f86….gif") under `dir` ("accounts/avatars/1").
std::string profile_image_key(const std::string& dir, const std::string& file_name);
// Whether the image at `key` has a still of its own.
bool has_still(const std::string& key);
// The still's key for an image that has one; the key itself otherwise.
std::string still_key(const std::string& key);
// Every stored file of the profile image at `key`: itself and its still, if any.
std::vector<std::string> profile_image_files(const std::string& key);

}  // namespace agora::model
