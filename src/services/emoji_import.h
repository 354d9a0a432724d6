// agora emoji import: custom emoji from a tar.gz of images named
// SHORTCODE.png or SHORTCODE.gif, as tootctl emoji import. Entries are read
// into memory (media/tar_reader.h) and stored through the custom emoji
// service under new keys; an entry's name only ever gives a shortcode.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "services/context.h"

namespace agora::services::emoji_import {

struct Options {
  std::string prefix, suffix, category;  // shortcode = prefix + file name without extension + suffix
  bool overwrite = false;                // replace the image of an existing shortcode
  bool unlisted = false;                 // hidden from the picker
};

struct Report {
  int64_t imported = 0, skipped = 0, failed = 0;  // skipped: the shortcode exists (no --overwrite)
};

// `say` gets one line for each entry that is ignored (not an image file, a
// link, an unsafe name) or fails. Throws media::TarError when the archive
// cannot be read or passes a limit; what came before it stays imported.
Report import_archive(Context& ctx, const std::string& path, const Options& options,
                      const std::function<void(const std::string&)>& say);

}  // namespace agora::services::emoji_import
