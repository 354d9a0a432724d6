#include "services/emoji_import.h"

#include <cctype>
#include <optional>

#include "core/errors.h"
#include "media/tar_reader.h"
#include "services/custom_emojis.h"

namespace agora::services::emoji_import {

namespace {

// The archive's names are untrusted: shown with anything unprintable replaced, and cut short.
std::string printable(const std::string& name) {
  std::string out;
  for (char ch : name.substr(0, 200)) out += (ch >= 0x20 && ch < 0x7f) ? ch : '?';
  return name.size() > 200 ? out + "…" : out;
}

// Absolute names and ".." parts are refused outright, although a name never becomes a path here.
bool unsafe_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return true;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    std::string part = name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") return true;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return false;
}

// The file name without its directory and extension when it ends in .png or .gif (any case).
std::optional<std::string> image_base_name(const std::string& name) {
  std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
  auto dot = base.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string ext = base.substr(dot);
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext != ".png" && ext != ".gif") return std::nullopt;
  return base.substr(0, dot);
}

}  // namespace

Report import_archive(Context& ctx, const std::string& path, const Options& options,
                      const std::function<void(const std::string&)>& say) {
  Report report;
  custom_emojis::ImportOptions how{options.category, !options.unlisted, options.overwrite};
  media::TarLimits limits;
  limits.max_file_bytes = custom_emojis::kMaxImageBytes;
  media::read_tar_gz(path, limits, [&](const media::TarEntry& e) {
    if (e.directory) return;
    std::string shown = printable(e.name);
    if (unsafe_name(e.name)) return say("Ignored " + shown + ": unsafe name");
    if (!e.regular_file) return say("Ignored " + shown + ": not a regular file");
    auto base = image_base_name(e.name);
    if (!base) return say("Ignored " + shown + ": not a .png or .gif file");
    if (base->starts_with("._")) return;  // macOS resource forks beside the images
    if (e.too_large) {
      ++report.failed;
      return say("Failure/Error: " + shown + ": Image file size must be less than 256 KB");
    }
    try {
      switch (custom_emojis::import(ctx, options.prefix + *base + options.suffix, e.bytes, how)) {
        case custom_emojis::Imported::added:
        case custom_emojis::Imported::replaced: ++report.imported; break;
        case custom_emojis::Imported::skipped: ++report.skipped; break;
      }
    } catch (const Error& err) {
      ++report.failed;
      std::string message = err.message();
      if (message.starts_with("Validation failed: ")) message = message.substr(19);
      say("Failure/Error: " + shown + ": " + message);
    }
  });
  return report;
}

}  // namespace agora::services::emoji_import
